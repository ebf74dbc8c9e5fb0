package vn.ntm.portal.learning;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.curriculum.LessonContent;
import vn.ntm.portal.curriculum.ModuleSummary;

/**
 * A lesson in the player: its content, whether it is done, the way on, for quizzes the attempts used, and for videos
 * the second to resume at.
 */
public record LessonPage(ModuleSummary module, LessonContent lesson, boolean done, int attemptsUsed,
                         @Nullable Long previousLessonId, @Nullable Long nextLessonId, EnrolmentState enrolment,
                         int resumeSeconds) {

    public @Nullable Integer attemptsLeft() {
        return lesson.attemptLimit() == null ? null : Math.max(0, lesson.attemptLimit() - attemptsUsed);
    }
}
