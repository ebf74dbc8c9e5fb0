package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What an author fills in for a lesson; the quiz fields matter for quiz lessons only. fileName tells the editor which
 * file a video or document lesson has (it is uploaded apart, see CurriculumService.attachFile, and ignored on save).
 */
public record LessonDraft(LessonKind kind, String title, boolean required, @Nullable String content,
                          @Nullable Integer passMark, @Nullable Integer attemptLimit, boolean shuffle,
                          @Nullable FeedbackMode feedbackMode, List<QuestionDraft> questions, @Nullable String fileName) {

    public record QuestionDraft(QuestionKind kind, String text, @Nullable String explanation, List<OptionDraft> options) {
    }

    public record OptionDraft(String text, boolean correct) {
    }

    public static LessonDraft text(String title, boolean required, String markdown) {
        return new LessonDraft(LessonKind.TEXT, title, required, markdown, null, null, false, null, List.of(), null);
    }
}
