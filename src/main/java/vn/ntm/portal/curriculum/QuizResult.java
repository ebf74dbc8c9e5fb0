package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** A graded quiz: the score in percent, whether it passed, and per question what the author's feedback mode allows. */
public record QuizResult(int scorePercent, boolean passed, FeedbackMode feedbackMode, List<QuestionFeedback> questions) {

    /** correctChoices and explanation are empty unless the feedback mode is FULL. */
    public record QuestionFeedback(long questionId, boolean correct, List<Integer> correctChoices,
                                   @Nullable String explanation) {
    }
}
