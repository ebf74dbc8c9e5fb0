package vn.ntm.portal.unit.importer;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.unit.UnitKind;

import java.time.LocalDate;
import java.util.List;

/** One unit as read from a file, before it is checked against the others and the database. */
public record UnitRecord(int line, String code, String name, @Nullable String nameEn, UnitKind kind,
                         @Nullable String parentCode, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
                         List<String> successorCodes) {
}
