package vn.ntm.portal.training;

/**
 * What a self check-in came to; each has its own message on the check-in page and in the API. There is one
 * outcome for "this number is not on this class's roster", whether or not it belongs to someone else: an answer
 * never tells anything about a person who is not on the roster.
 */
public enum CheckInOutcome {
    CHECKED_IN, ALREADY_CHECKED_IN, WRONG_CODE, OUTSIDE_WINDOW, NOT_ON_ROSTER, NO_SUCH_SESSION, TOO_MANY_ATTEMPTS,
    /** A signed-in account no coordinator has yet linked to a person record. */
    ACCOUNT_NOT_LINKED,
    /** The phone is shared by several trainees of the class (a household phone): the national ID tells who checks in. */
    NATIONAL_ID_NEEDED;

    public boolean success() {
        return this == CHECKED_IN || this == ALREADY_CHECKED_IN;
    }
}
