package vn.ntm.portal.training;

/** A mark per person per session. Present and late both count as attended. */
public enum AttendanceStatus {
    PRESENT, LATE, EXCUSED, ABSENT;

    public boolean attended() {
        return this == PRESENT || this == LATE;
    }
}
