package vn.ntm.portal.plan;

import vn.ntm.portal.unit.ImportProblem;

import java.util.List;

/** A plan sheet as read: its rows (with the sheet's line and the unit's name) and every problem found; any problem refuses the file. */
public record PlanImportPreview(List<Row> rows, List<ImportProblem> problems) {

    public record Row(int line, String unitName, PlanForm form) {
    }

    public boolean acceptable() {
        return problems.isEmpty() && !rows.isEmpty();
    }
}
