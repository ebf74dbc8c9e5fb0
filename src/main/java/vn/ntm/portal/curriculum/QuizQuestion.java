package vn.ntm.portal.curriculum;

import java.util.List;

/** A question as a trainee sees it: without the correct answers. */
public record QuizQuestion(long id, QuestionKind kind, String text, List<QuizChoice> choices) {
}
