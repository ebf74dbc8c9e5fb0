package vn.ntm.portal.curriculum;

import vn.ntm.portal.account.TraineeLevel;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A small programme for tests: one topic, and modules of two text lessons and a quiz (pass mark 50, 2 attempts). */
public final class CurriculumTestData {

    private CurriculumTestData() {
    }

    public record World(ProgrammeSummary programme, TopicSummary topic) {
    }

    /** Needs an administrator signed in. */
    public static World programme(CurriculumService curriculum, String code, String title) {
        ProgrammeSummary programme = curriculum.createProgramme(new ProgrammeDraft(code, title, "924/QĐ-TTg",
                LocalDate.of(2022, 8, 2), 2021, 2025, ProgrammeStatus.ACTIVE, null));
        TopicGroupSummary group = curriculum.addGroup(programme.id(), "I", "Chính quyền số");
        TopicSummary topic = curriculum.addTopic(group.id(), 1, "Dịch vụ công trực tuyến", null, true);
        return new World(programme, topic);
    }

    /** A published module; needs an administrator or trainer signed in. */
    public static ModuleSummary publishedModule(CurriculumService curriculum, World world, String title, TraineeLevel... levels) {
        ModuleSummary module = curriculum.createModule(new ModuleDraft(world.topic().id(), title, "Tóm tắt " + title,
                Set.of(levels.length == 0 ? TraineeLevel.values() : levels)));
        curriculum.saveLesson(module.id(), null, LessonDraft.text("Bài 1", true, "# Bài 1\n\nNội dung."));
        curriculum.saveLesson(module.id(), null, LessonDraft.text("Bài đọc thêm", false, "Không bắt buộc."));
        curriculum.saveLesson(module.id(), null, quiz(2));
        return curriculum.publish(module.id());
    }

    /** Question 1: the second option is right; question 2 (multiple): the first and third. */
    public static LessonDraft quiz(Integer attemptLimit) {
        return new LessonDraft(LessonKind.QUIZ, "Kiểm tra", true, null, 50, attemptLimit, true, FeedbackMode.FULL, List.of(
                new LessonDraft.QuestionDraft(QuestionKind.SINGLE, "Câu 1", "Vì B đúng", List.of(
                        new LessonDraft.OptionDraft("A", false), new LessonDraft.OptionDraft("B", true),
                        new LessonDraft.OptionDraft("C", false))),
                new LessonDraft.QuestionDraft(QuestionKind.MULTIPLE, "Câu 2", null, List.of(
                        new LessonDraft.OptionDraft("X", true), new LessonDraft.OptionDraft("Y", false),
                        new LessonDraft.OptionDraft("Z", true)))), null);
    }

    /**
     * The small real files under src/test/resources/media: a 6-second MP4 (H.264/AAC) and WebM (VP8/Vorbis) made with
     * ffmpeg's test pattern, and a one-page PDF written by hand.
     */
    public static byte[] media(String name) {
        try (var in = CurriculumTestData.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
