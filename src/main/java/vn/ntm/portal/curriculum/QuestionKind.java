package vn.ntm.portal.curriculum;

/** Single choice, multiple choice (every correct option and no other), or true/false (two options). */
public enum QuestionKind {
    SINGLE,
    MULTIPLE,
    TRUE_FALSE
}
