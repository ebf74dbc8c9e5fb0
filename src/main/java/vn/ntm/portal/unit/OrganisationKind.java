package vn.ntm.portal.unit;

/** Kind of organisation; coordination offices plan, run and report training. */
public enum OrganisationKind {
    COORDINATION_OFFICE,
    TRAINING_INSTITUTION,
    OTHER
}
