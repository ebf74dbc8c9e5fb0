package vn.ntm.portal.unit;

import java.util.List;

/** What an import did, or, when {@code problems} is not empty, why it stored nothing. */
public record ImportReport(int records, int created, int updated, int unchanged, List<ImportProblem> problems) {

    public static ImportReport refused(List<ImportProblem> problems) {
        return new ImportReport(0, 0, 0, 0, List.copyOf(problems));
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
