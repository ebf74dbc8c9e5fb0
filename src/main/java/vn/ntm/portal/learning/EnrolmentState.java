package vn.ntm.portal.learning;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** Where one trainee stands in one module. */
public record EnrolmentState(long enrolmentId, int moduleVersion, Instant enrolledAt, Set<Long> doneLessons,
                             @Nullable Long resumeLessonId, int requiredDone, int requiredTotal,
                             @Nullable LocalDate completedOn, @Nullable Integer completedVersion) {

    public boolean completed() {
        return completedOn != null;
    }

    /** Share of the required lessons done, 0 to 1. */
    public double progress() {
        return requiredTotal == 0 ? 1 : (double) requiredDone / requiredTotal;
    }
}
