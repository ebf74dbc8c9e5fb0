package vn.ntm.portal.audit;

/** The kinds of records whose changes are audited. */
public enum AuditSubject {
    ACCOUNT, PERSON, CLASS, SESSION, ROSTER, ATTENDANCE, PLAN
}
