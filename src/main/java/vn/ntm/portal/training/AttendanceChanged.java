package vn.ntm.portal.training;

import java.time.Instant;

/**
 * Published when a mark is recorded or its status changes - by a trainer, a self check-in, an accepted walk-in or
 * the import of a past year's class - in the transaction that changes it (a note alone publishes nothing). It
 * carries what a report needs without asking back: the class, the session, the person, the status now, how it was
 * taken and when.
 */
public record AttendanceChanged(long classId, long sessionId, long personId, AttendanceStatus status, AttendanceSource source,
                                Instant at) {
}
