package vn.ntm.portal.learning;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.curriculum.QuizResult;

/** A submitted attempt: the graded result, the attempts left and whether this completed the module. */
public record QuizOutcome(QuizResult result, int attemptNumber, @Nullable Integer attemptsLeft, boolean moduleCompleted) {
}
