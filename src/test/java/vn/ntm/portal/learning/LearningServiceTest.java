package vn.ntm.portal.learning;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.CurriculumTestData;
import vn.ntm.portal.curriculum.LessonDraft;
import vn.ntm.portal.curriculum.LessonKind;
import vn.ntm.portal.curriculum.LessonSummary;
import vn.ntm.portal.curriculum.ModuleDraft;
import vn.ntm.portal.curriculum.ModuleEdition;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.curriculum.QuizQuestion;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@RecordApplicationEvents
class LearningServiceTest {

    @Autowired
    LearningService learning;
    @Autowired
    LearningReportService reports;
    @Autowired
    CurriculumService curriculum;
    @Autowired
    CatalogService catalog;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    ApplicationEvents events;
    @Autowired
    AssignmentService assignments;
    @Autowired
    EnrolmentFeed enrolmentFeed;

    ModuleSummary module;
    List<LessonSummary> lessons;

    @BeforeEach
    void setUp() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        var world = CurriculumTestData.programme(curriculum, "CDS-924", "Chuyển đổi số");
        module = CurriculumTestData.publishedModule(curriculum, world, "Dịch vụ công trực tuyến");
        lessons = curriculum.lessons(module.id());
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anEnrolmentAtHalfPastSixOnNewYearsMorningInVietnamCountsInTheNewYear() {
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());
        // stored as the instant it is: 23:30 UTC on 31 December is 06:30 on 1 January in Vietnam
        jdbc.update("update learning_enrolment set enrolled_at = ? where module_id = ?",
                java.sql.Timestamp.from(java.time.Instant.parse("2026-12-31T23:30:00Z")), module.id());
        long id = jdbc.queryForObject("select id from learning_enrolment where module_id = ?", Long.class, module.id());

        assertThat(enrolmentFeed.find(id).orElseThrow().enrolledOn()).isEqualTo(java.time.LocalDate.of(2027, 1, 1));
    }

    @Test
    void enrollingTwiceIsRefusedAndStoresOneEnrolment() {
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());

        assertThatThrownBy(() -> learning.enrol(module.id()))
                .isInstanceOf(ValidationException.class).hasMessage("learning.error.alreadyEnrolled");
        assertThat(jdbc.queryForObject("select count(*) from learning_enrolment", Long.class)).isEqualTo(1);
        assertThat(events.stream(EnrolmentStarted.class)).singleElement()
                .satisfies(e -> assertThat(e.moduleVersion()).isEqualTo(1));
    }

    @Test
    void traineeCannotEnrolInOrOpenADraftModule() {
        TestData.signInAsAdmin();
        ModuleSummary draft = curriculum.createModule(new ModuleDraft(module.topicId(), "Nháp", null, Set.of(TraineeLevel.RESIDENT)));
        curriculum.saveLesson(draft.id(), null, LessonDraft.text("Bài", true, "x"));
        long draftLesson = curriculum.lessons(draft.id()).getFirst().id();
        TestData.signInAsAccount(jdbc, "hv.sonla");

        assertThatThrownBy(() -> learning.enrol(draft.id())).isInstanceOf(ValidationException.class)
                .hasMessage("curriculum.error.moduleNotPublished");
        assertThatThrownBy(() -> learning.openLesson(draftLesson)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> learning.openLesson(lessons.getFirst().id())).isInstanceOf(ValidationException.class)
                .hasMessage("learning.error.notEnrolled");
        assertThat(jdbc.queryForObject("select count(*) from learning_enrolment", Long.class)).isZero();
    }

    @Test
    void completingAllRequiredLessonsCompletesTheModuleWithItsVersion() {
        TestData.signInAsAdmin();
        curriculum.saveLesson(module.id(), lessons.getFirst().id(), LessonDraft.text("Bài 1", true, "Sửa lại"));
        assertThat(catalog.module(module.id()).version()).isEqualTo(2);
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());

        learning.completeLesson(lessons.get(0).id());
        QuizOutcome outcome = passQuiz(lessons.get(2).id());

        assertThat(outcome.result().passed()).isTrue();
        assertThat(outcome.moduleCompleted()).isTrue();
        EnrolmentState state = learning.module(module.id()).enrolment();
        assertThat(state.completed()).isTrue();
        assertThat(state.completedVersion()).isEqualTo(2);
        assertThat(state.moduleVersion()).isEqualTo(2);
        assertThat(state.progress()).isEqualTo(1.0);
        assertThat(events.stream(ModuleCompleted.class)).singleElement()
                .satisfies(e -> assertThat(e.moduleVersion()).isEqualTo(2));
        assertThat(learning.myLearning(0, 10)).singleElement().satisfies(m -> assertThat(m.completedOn()).isNotNull());
    }

    @Test
    void aCompletionIsShownAgainstTheContentOfTheEditionItWasFor() throws Exception {
        TestData.signInAsAdmin();
        long video = curriculum.saveLesson(module.id(), null, new LessonDraft(LessonKind.VIDEO, "Video", false, null, null, null,
                false, null, List.of(), null)).id();
        curriculum.attachFile(video, "cu.mp4", CurriculumTestData.media("bai-giang.mp4"));
        java.nio.file.Path oldFile = catalog.lessonFile(video).path();
        int completedOn = catalog.module(module.id()).version();
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());
        learning.completeLesson(lessons.get(0).id());
        passQuiz(lessons.get(2).id());

        TestData.signInAsAdmin();
        curriculum.saveLesson(module.id(), lessons.get(0).id(), LessonDraft.text("Bài 1 (sửa)", true, "<p>Nội dung mới</p>"));
        curriculum.attachFile(video, "moi.webm", CurriculumTestData.media("bai-giang.webm"));
        curriculum.unpublish(module.id());
        curriculum.saveLesson(module.id(), lessons.get(1).id(), LessonDraft.text("Bài đọc thêm", false, "<p>Sửa khi tạm rút</p>"));
        int republished = curriculum.publish(module.id()).version();

        TestData.signInAsAccount(jdbc, "hv.sonla");
        EnrolmentState state = learning.module(module.id()).enrolment();
        assertThat(state.completedVersion()).isEqualTo(completedOn);
        assertThat(republished).isEqualTo(completedOn + 3);
        ModuleEdition completed = catalog.edition(module.id(), state.completedVersion());
        assertThat(completed.current()).isFalse();
        assertThat(completed.lessons()).extracting(ModuleEdition.Lesson::title).containsExactly("Bài 1", "Bài đọc thêm", "Kiểm tra", "Video");
        assertThat(completed.lessons().getFirst().content()).contains("Nội dung.");
        assertThat(completed.lessons().get(2).questions()).extracting(QuizQuestion::text).containsExactly("Câu 1", "Câu 2");
        assertThat(completed.lessons().get(3).fileName()).isEqualTo("cu.mp4");
        ModuleEdition now = catalog.edition(module.id(), republished);
        assertThat(now.current()).isTrue();
        assertThat(now.lessons().getFirst().content()).isEqualTo("<p>Nội dung mới</p>");
        assertThat(now.lessons().get(1).content()).isEqualTo("<p>Sửa khi tạm rút</p>");
        assertThat(catalog.editions(module.id())).extracting(ModuleEdition.Entry::version)
                .startsWith(republished, republished - 1, republished - 2, completedOn).endsWith(1);
        assertThat(oldFile).exists();
        assertThatThrownBy(() -> catalog.edition(module.id(), 99)).isInstanceOf(ValidationException.class)
                .hasMessage("curriculum.error.editionNotFound");
    }

    @Test
    void theModuleIsNotCompletedWhileARequiredLessonIsMissing() {
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());

        QuizOutcome outcome = passQuiz(lessons.get(2).id());
        learning.completeLesson(lessons.get(1).id());

        assertThat(outcome.moduleCompleted()).isFalse();
        EnrolmentState state = learning.module(module.id()).enrolment();
        assertThat(state.completed()).isFalse();
        assertThat(state.requiredDone()).isEqualTo(1);
        assertThat(state.requiredTotal()).isEqualTo(2);
        assertThat(events.stream(ModuleCompleted.class)).isEmpty();
    }

    @Test
    void quizAttemptLimitIsEnforced() {
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());
        long quiz = lessons.get(2).id();

        for (int i = 0; i < 2; i++) {
            QuizAttemptView attempt = learning.startQuiz(quiz);
            assertThat(learning.submitQuiz(attempt.attemptId(), Map.of()).result().passed()).isFalse();
        }

        assertThatThrownBy(() -> learning.startQuiz(quiz))
                .isInstanceOf(ValidationException.class).hasMessage("learning.error.attemptLimit");
        assertThat(jdbc.queryForObject("select count(*) from learning_quiz_attempt", Long.class)).isEqualTo(2);
    }

    @Test
    void aSubmittedAttemptCannotBeSubmittedAgain() {
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());
        QuizAttemptView attempt = learning.startQuiz(lessons.get(2).id());
        learning.submitQuiz(attempt.attemptId(), Map.of());

        assertThatThrownBy(() -> learning.submitQuiz(attempt.attemptId(), correctAnswers(attempt.questions())))
                .isInstanceOf(ValidationException.class).hasMessage("learning.error.attemptSubmitted");
        assertThat(jdbc.queryForObject("select passed from learning_quiz_attempt", Boolean.class)).isFalse();
        TestData.signInAsAccount(jdbc, "hv.hatinh");
        assertThatThrownBy(() -> learning.submitQuiz(attempt.attemptId(), Map.of())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void traineeResumesAtTheLastLessonOpened() {
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());
        assertThat(learning.resumeLesson(module.id())).isEqualTo(lessons.get(0).id());

        learning.openLesson(lessons.get(1).id());

        assertThat(learning.resumeLesson(module.id())).isEqualTo(lessons.get(1).id());
        assertThat(learning.myLearning(0, 10).getFirst().resumeLessonId()).isEqualTo(lessons.get(1).id());
    }

    @Test
    void coordinatorOfSonLaSeesOnlySonLaCompletions() {
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());
        learning.completeLesson(lessons.get(0).id());
        passQuiz(lessons.get(2).id());
        TestData.signInAsAccount(jdbc, "hv.hatinh");
        learning.enrol(module.id());

        TestData.signInAsAccount(jdbc, "dp.sonla");
        assertThat(reports.figures(0, 10)).singleElement().satisfies(f -> {
            assertThat(f.enrolments()).isEqualTo(1);
            assertThat(f.completions()).isEqualTo(1);
        });
        assertThat(reports.enrolments(null, 0, 10)).extracting(EnrolmentRow::username).containsExactly("hv.sonla");
        byte[] xlsx = reports.exportXlsx(List.of("Họ tên", "Tài khoản", "Đơn vị", "Học phần", "Phiên bản", "Ghi danh", "Hoàn thành", "Phiên bản hoàn thành"), "Học trực tuyến");
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

        TestData.signInAsAccount(jdbc, "dp.hatinh");
        assertThat(reports.figures(0, 10)).singleElement().satisfies(f -> {
            assertThat(f.enrolments()).isEqualTo(1);
            assertThat(f.completions()).isZero();
        });
        TestData.signInAsAccount(jdbc, "quantri");
        assertThat(reports.enrolments(module.id(), 0, 10)).hasSize(2);
        TestData.signInAsAccount(jdbc, "hv.sonla");
        assertThatThrownBy(() -> reports.figures(0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void watchingNinetyPercentOfAVideoCompletesItAndTheTraineeResumesWhereTheyStopped() throws InterruptedException {
        long video = sixSecondVideo();
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());
        learning.openLesson(video);

        // an honest player: position reports as time passes (the test's video runs six seconds)
        Thread.sleep(1_600);
        assertThat(learning.videoProgress(video, 3.2, 6).done()).isFalse();
        assertThat(learning.openLesson(video).resumeSeconds()).isEqualTo(3);
        Thread.sleep(1_600);
        assertThat(learning.videoProgress(video, 6.0, 6).done()).isTrue();
        assertThat(learning.module(module.id()).enrolment().doneLessons()).contains(video);
    }

    @Test
    void aForgedReportOfTheWholeVideoRightAfterOpeningItDoesNotCompleteIt() {
        long video = sixSecondVideo();
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());
        learning.openLesson(video);

        // the browser claims the end of a video it says is one second long: the server knows the file runs six
        assertThat(learning.videoProgress(video, 1, 1).done()).isFalse();
        assertThat(learning.videoProgress(video, 6, 6).done()).isFalse();
        assertThat(learning.videoProgress(video, 1e9, 1e9).done()).isFalse();
        assertThatThrownBy(() -> learning.completeLesson(video))
                .isInstanceOf(ValidationException.class).hasMessage("learning.error.videoByWatching");
        assertThat(learning.module(module.id()).enrolment().doneLessons()).doesNotContain(video);
    }

    @Test
    void aVideoWhoseRunningTimeCannotBeReadIsRefusedAtUpload() {
        TestData.signInAsAdmin();
        long video = curriculum.saveLesson(module.id(), null, new LessonDraft(LessonKind.VIDEO, "Video", true, null, null, null,
                false, null, List.of(), null)).id();

        assertThatThrownBy(() -> curriculum.attachFile(video, "video.mp4", new byte[]{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}))
                .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.videoDuration");
        curriculum.attachFile(video, "video.webm", CurriculumTestData.media("bai-giang.webm"));
    }

    private long sixSecondVideo() {
        TestData.signInAsAdmin();
        long video = curriculum.saveLesson(module.id(), null, new LessonDraft(LessonKind.VIDEO, "Video", true, null, null, null,
                false, null, List.of(), null)).id();
        curriculum.attachFile(video, "video.mp4", CurriculumTestData.media("bai-giang.mp4"));
        return video;
    }

    @Test
    void openingADocumentLessonWithItsFileCountsAsRead() {
        TestData.signInAsAdmin();
        long document = curriculum.saveLesson(module.id(), null, new LessonDraft(LessonKind.DOCUMENT, "Sổ tay", true, null, null,
                null, false, null, List.of(), null)).id();
        curriculum.attachFile(document, "so-tay.pdf", "%PDF-1.4 tài liệu".getBytes(StandardCharsets.UTF_8));
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());

        assertThat(learning.openLesson(document).done()).isTrue();
    }

    @Test
    void coordinatorAssignsAModuleToTheTraineesOfTheirProvinceOnly() {
        TestData.signInAsAccount(jdbc, "dp.sonla");
        long sonLa = units.findByCode("14").orElseThrow().id();
        long haTinh = units.findByCode("42").orElseThrow().id();

        assertThat(assignments.assign(module.id(), sonLa, null)).isEqualTo(1);
        assertThat(assignments.assign(module.id(), sonLa, null)).isZero();
        assertThatThrownBy(() -> assignments.assign(module.id(), haTinh, null)).isInstanceOf(AccessDeniedException.class);

        assertThat(jdbc.queryForList("select a.username from learning_enrolment e join account a on a.id = e.account_id",
                String.class)).containsExactly("hv.sonla");
        assertThat(events.stream(EnrolmentStarted.class)).hasSize(1);
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        assertThat(assignments.assign(module.id(), haTinh, TraineeLevel.COMMUNE_OFFICIAL)).isZero();
        assertThat(assignments.assign(module.id(), haTinh, TraineeLevel.RESIDENT)).isEqualTo(1);
    }

    @Test
    void spreadsheetCellsThatLookLikeFormulasAreEscaped() {
        assertThat(LearningReportService.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(LearningReportService.safe("+84912")).isEqualTo("'+84912");
        assertThat(LearningReportService.safe("-1")).isEqualTo("'-1");
        assertThat(LearningReportService.safe("@cmd")).isEqualTo("'@cmd");
        assertThat(LearningReportService.safe("Lò Thị Mai")).isEqualTo("Lò Thị Mai");
    }

    private QuizOutcome passQuiz(long quizLessonId) {
        QuizAttemptView attempt = learning.startQuiz(quizLessonId);
        return learning.submitQuiz(attempt.attemptId(), correctAnswers(attempt.questions()));
    }

    /** The test quiz: "Câu 1" has option B (index 1) right, "Câu 2" options X and Z (0 and 2). */
    static Map<Long, Set<Integer>> correctAnswers(List<QuizQuestion> questions) {
        Map<Long, Set<Integer>> answers = new HashMap<>();
        for (QuizQuestion q : questions) {
            answers.put(q.id(), q.text().equals("Câu 1") ? Set.of(1) : Set.of(0, 2));
        }
        return answers;
    }
}
