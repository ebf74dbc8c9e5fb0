package vn.ntm.portal.curriculum;

public enum LessonKind {
    TEXT,
    VIDEO,
    DOCUMENT,
    QUIZ
}
