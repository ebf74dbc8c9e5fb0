package vn.ntm.portal.plan;

/** Planned classes, participations (lượt người) and budget (VND): one row of a plan, or several added up. */
public record PlannedFigures(long classes, long participations, long budgetVnd) {

    public static final PlannedFigures NONE = new PlannedFigures(0, 0, 0);

    public PlannedFigures plus(PlannedFigures other) {
        return new PlannedFigures(classes + other.classes, participations + other.participations, budgetVnd + other.budgetVnd);
    }
}
