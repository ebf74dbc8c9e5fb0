package vn.ntm.portal.reporting;

/** How a report splits its figures: one row per year, per unit one level down, per mode, and so on. */
public enum Breakdown {
    YEAR, UNIT, MODE, TRAINEE_LEVEL, ORGANISING_LEVEL, PROGRAMME,
    /** One row per trainer of the classes, and one for classes with no trainer assigned. */
    TRAINER;

    /**
     * Whether the rows' additive counters add up to the total. Every class and person-in-a-class sits in exactly one
     * row of the other breakdowns; a class taught by two trainers sits in both trainers' rows, so here none of the
     * counters (classes, participations, budget...) adds up, as unique participants never do.
     */
    public boolean rowsAddUp() {
        return this != TRAINER;
    }
}
