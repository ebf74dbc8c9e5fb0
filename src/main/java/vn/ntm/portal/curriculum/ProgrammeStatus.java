package vn.ntm.portal.curriculum;

/** A programme is drafted, in force, or kept for the record only. */
public enum ProgrammeStatus {
    DRAFT,
    ACTIVE,
    ARCHIVED
}
