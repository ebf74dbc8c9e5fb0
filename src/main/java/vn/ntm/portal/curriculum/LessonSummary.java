package vn.ntm.portal.curriculum;

public record LessonSummary(long id, long moduleId, int position, LessonKind kind, String title, boolean required) {
}
