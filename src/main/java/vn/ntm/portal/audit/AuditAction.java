package vn.ntm.portal.audit;

/** What kind of change was made. */
public enum AuditAction {
    CREATED, UPDATED, DELETED, MERGED, ENABLED, DISABLED, ADDED, REMOVED, MARKED, CHECKED_IN,
    /** A module put in the catalog, or taken out of it. */
    PUBLISHED, WITHDRAWN,
    /** A certificate issued, or revoked (it stays, marked revoked). */
    ISSUED, REVOKED
}
