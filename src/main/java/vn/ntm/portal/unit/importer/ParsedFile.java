package vn.ntm.portal.unit.importer;

import vn.ntm.portal.unit.ImportProblem;

import java.util.List;

/** Records read from a file and the problems found while reading it. */
public record ParsedFile(List<UnitRecord> records, List<ImportProblem> problems) {
}
