package vn.ntm.portal.reporting;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.plan.PlannedFigures;

import java.util.List;

/**
 * A year's plan against what was held, for a unit: in total, by organising level and by the units one level down.
 * Held figures are those of the report for the unit and year (classes, participations, budget); planned ones are the
 * unit's own plan, or, when it issued none, the plans of the units under it added up. {@code planned} null: no plan.
 */
public record PlanVsActual(@Nullable Long unitId, String unitName, int year, Line total, List<Line> byOrganisingLevel, List<Line> byUnit) {

    /** One row: planned (null: no plan) and held figures, and held as a whole percentage of planned (null: nothing planned). */
    public record Line(String key, String label, @Nullable PlannedFigures planned, long classes, long participations, long budgetVnd,
                       @Nullable Long classesPercent, @Nullable Long participationsPercent, @Nullable Long budgetPercent) {

        public static Line of(String key, String label, @Nullable PlannedFigures planned, long classes, long participations, long budgetVnd) {
            return new Line(key, label, planned, classes, participations, budgetVnd,
                    planned == null ? null : percent(classes, planned.classes()),
                    planned == null ? null : percent(participations, planned.participations()),
                    planned == null ? null : percent(budgetVnd, planned.budgetVnd()));
        }
    }

    public boolean hasPlan() {
        return total.planned() != null;
    }

    /** Held as a whole percentage of planned (half up); null when nothing was planned. */
    static @Nullable Long percent(long held, long planned) {
        return planned <= 0 ? null : Math.round(held * 100.0 / planned);
    }
}
