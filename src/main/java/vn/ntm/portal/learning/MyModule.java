package vn.ntm.portal.learning;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** One line of "My learning". */
public record MyModule(long enrolmentId, long moduleId, String title, String programmeTitle, int requiredDone,
                       int requiredTotal, @Nullable LocalDate completedOn, @Nullable Long resumeLessonId) {

    public double progress() {
        return requiredTotal == 0 ? 1 : (double) requiredDone / requiredTotal;
    }
}
