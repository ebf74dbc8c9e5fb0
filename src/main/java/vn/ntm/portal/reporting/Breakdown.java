package vn.ntm.portal.reporting;

/** How a report splits its figures: one row per year, per unit one level down, per mode, and so on. */
public enum Breakdown {
    YEAR, UNIT, MODE, TRAINEE_LEVEL, ORGANISING_LEVEL, PROGRAMME
}
