package vn.ntm.portal.curriculum;

/** One option of a question as a trainee sees it: its index in the question and its text, never whether it is correct. */
public record QuizChoice(int index, String text) {
}
