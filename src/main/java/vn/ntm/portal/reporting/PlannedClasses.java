package vn.ntm.portal.reporting;

/**
 * Classes of a report still planned: not cancelled, first day after today. Shown apart from what was held and never
 * added to it: how many, the persons on their rosters so far (planned enrolments), and their budget (planned, not spent).
 */
public record PlannedClasses(long classes, long enrolments, long budgetVnd) {

    public static final PlannedClasses NONE = new PlannedClasses(0, 0, 0);
}
