package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A lesson as the player shows it. Text lessons carry sanitized HTML in {@code content}; quiz lessons carry their settings
 * and questions (without the answers); video and document lessons name their uploaded file, streamed from
 * {@code /files/lessons/{id}}.
 */
public record LessonContent(long id, long moduleId, int position, LessonKind kind, String title, boolean required,
                            @Nullable String content, int passMark, @Nullable Integer attemptLimit, boolean shuffle,
                            FeedbackMode feedbackMode, List<QuizQuestion> questions, @Nullable String fileName,
                            @Nullable String fileType, long fileSize) {

    /** A video or document lesson whose file has been uploaded. */
    public boolean hasFile() {
        return fileType != null;
    }
}
