package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;

public record SessionSummary(long id, long classId, LocalDate date, SessionPart part, LocalTime startsAt, LocalTime endsAt,
                             DeliveryMode mode, @Nullable String topics) {
}
