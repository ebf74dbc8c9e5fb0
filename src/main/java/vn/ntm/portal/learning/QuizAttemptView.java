package vn.ntm.portal.learning;

import vn.ntm.portal.curriculum.QuizQuestion;

import java.util.List;

/** An open quiz attempt: the questions (in this attempt's order when the quiz is shuffled), without answers. */
public record QuizAttemptView(long attemptId, long lessonId, int number, List<QuizQuestion> questions) {
}
