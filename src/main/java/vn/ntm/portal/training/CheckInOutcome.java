package vn.ntm.portal.training;

/** What a self check-in came to; each has its own message on the check-in page and in the API. */
public enum CheckInOutcome {
    CHECKED_IN, ALREADY_CHECKED_IN, WRONG_CODE, OUTSIDE_WINDOW, NOT_ON_ROSTER, UNKNOWN_PERSON, NO_SUCH_SESSION,
    /** A signed-in account no coordinator has yet linked to a person record. */
    ACCOUNT_NOT_LINKED;

    public boolean success() {
        return this == CHECKED_IN || this == ALREADY_CHECKED_IN;
    }
}
