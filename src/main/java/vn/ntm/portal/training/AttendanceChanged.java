package vn.ntm.portal.training;

/** Published when a mark is recorded or changed, by a trainer or by a self check-in. */
public record AttendanceChanged(long classId, long sessionId, long personId, AttendanceStatus status, AttendanceSource source) {
}
