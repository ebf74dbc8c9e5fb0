package vn.ntm.portal.learning;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * One online enrolment as other modules' read models (the reports) need it: the learner's unit and trainee level
 * today (null when the account has none), the module's programme and topic, the day of enrolment and of completion.
 * Ids and dates only, read through {@link EnrolmentFeed}.
 */
public record OnlineEnrolmentFacts(long enrolmentId, @Nullable Long unitId, @Nullable String traineeLevel, long programmeId,
                                   long topicId, LocalDate enrolledOn, @Nullable LocalDate completedOn) {
}
