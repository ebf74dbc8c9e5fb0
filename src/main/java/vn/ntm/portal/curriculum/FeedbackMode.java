package vn.ntm.portal.curriculum;

/** What a trainee sees after submitting a quiz, as the author chose. */
public enum FeedbackMode {
    /** Passed or not. */
    RESULT_ONLY,
    /** The score and which questions were right. */
    SCORE,
    /** The score, the correct answers and the author's explanations. */
    FULL
}
