package vn.ntm.portal.training;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What the check-in page shows about a session. {@code reference}: the unguessable name of the session in public
 * addresses (the QR code, the check-in page); the sequential id never appears there.
 */
public record SessionInfo(long sessionId, long classId, String classTitle, LocalDate date, SessionPart part,
                          LocalTime startsAt, LocalTime endsAt, String reference) {
}
