package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A whole programme as one JSON document: how the seeded curricula are written, and how an administrator moves a
 * programme between installations (export, then import). A lesson's text is either inline in {@code content} or,
 * in the seed files only, in a separate file named by {@code contentFile}. {@code lessonFormat} says what the texts
 * are: {@value #HTML} in files this portal exports now; absent (the seed files, older exports) means Markdown, which
 * the import turns into HTML.
 */
public record ProgrammeFile(String code, String title, @Nullable String decisionNumber, @Nullable LocalDate decisionDate,
                            @Nullable Integer periodFrom, @Nullable Integer periodTo, @Nullable ProgrammeStatus status,
                            @Nullable String description, @Nullable String lessonFormat, List<GroupFile> groups) {

    public static final String HTML = "html";

    /** Whether the lesson texts are HTML (else Markdown). */
    public boolean htmlLessons() {
        return HTML.equalsIgnoreCase(lessonFormat);
    }

    public record GroupFile(String number, String title, List<TopicFile> topics) {
    }

    public record TopicFile(int number, String title, @Nullable String description, boolean illustrative,
                            @Nullable List<ModuleFile> modules) {
    }

    public record ModuleFile(String title, @Nullable String summary, @Nullable Set<TraineeLevel> levels,
                             @Nullable ModuleStatus status, List<LessonFile> lessons) {
    }

    public record LessonFile(LessonKind kind, String title, @Nullable Boolean required, @Nullable String content,
                             @Nullable String contentFile, @Nullable Integer passMark, @Nullable Integer attemptLimit,
                             @Nullable Boolean shuffle, @Nullable FeedbackMode feedbackMode,
                             @Nullable List<LessonDraft.QuestionDraft> questions) {
    }
}
