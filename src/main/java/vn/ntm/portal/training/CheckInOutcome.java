package vn.ntm.portal.training;

/** What a self check-in came to; each has its own message on the check-in page and in the API. */
public enum CheckInOutcome {
    CHECKED_IN, ALREADY_CHECKED_IN, WRONG_CODE, OUTSIDE_WINDOW, NOT_ON_ROSTER, UNKNOWN_PERSON, NO_SUCH_SESSION,
    /** The phone is shared by several trainees of the class (a household phone): the national ID tells who checks in. */
    NATIONAL_ID_NEEDED;

    public boolean success() {
        return this == CHECKED_IN || this == ALREADY_CHECKED_IN;
    }
}
