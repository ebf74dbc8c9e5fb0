package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A module as it was in one of its published editions, for reading: its lessons' text, the name of their file and
 * their quiz questions (without the answers). {@code current} tells whether it is still the edition trainees take.
 */
public record ModuleEdition(long moduleId, int version, Instant recordedAt, boolean current, String title,
                            @Nullable String summary, List<Lesson> lessons) {

    public record Lesson(int position, LessonKind kind, String title, boolean required, @Nullable String content,
                         @Nullable String fileName, List<QuizQuestion> questions) {
    }

    /** An edition in the list of a module's editions; publishedBy is null for editions kept before it was recorded. */
    public record Entry(int version, Instant recordedAt, String title, @Nullable String publishedBy) {
    }
}
