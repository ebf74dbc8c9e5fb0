package vn.ntm.portal.training;

import java.time.LocalDate;
import java.time.LocalTime;

/** What the check-in page shows about a session. */
public record SessionInfo(long sessionId, long classId, String classTitle, LocalDate date, SessionPart part,
                          LocalTime startsAt, LocalTime endsAt) {
}
