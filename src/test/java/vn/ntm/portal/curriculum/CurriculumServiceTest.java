package vn.ntm.portal.curriculum;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.NewAccount;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.Role;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class CurriculumServiceTest {

    @Autowired
    CurriculumService curriculum;
    @Autowired
    CatalogService catalog;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProgrammeAuthorService authors;
    @Autowired
    vn.ntm.portal.account.AccountService accounts;

    CurriculumTestData.World digital;
    CurriculumTestData.World tourism;

    @BeforeEach
    void setUp() {
        TestData.reset(jdbc);
        TestData.signInAsAdmin();
        digital = CurriculumTestData.programme(curriculum, "CDS-924", "Chuyển đổi số trong xây dựng nông thôn mới");
        tourism = CurriculumTestData.programme(curriculum, "DLCD-703", "Du lịch cộng đồng");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void traineeFindsChuyenDoiSoTypedWithoutAccents() {
        CurriculumTestData.publishedModule(curriculum, digital, "Đổi mới cách làm việc của xã");
        CurriculumTestData.publishedModule(curriculum, tourism, "Homestay an toàn");
        TestData.signInAs(Role.TRAINEE, null, null);

        assertThat(catalog.search(null, null, "chuyen doi so", 0, 10)).extracting(ModuleSummary::title)
                .containsExactly("Đổi mới cách làm việc của xã");
        assertThat(catalog.search(null, null, "  ĐỔI   MỚI ", 0, 10)).hasSize(1);
        assertThat(catalog.search(null, null, "doi moi cach", 0, 10)).hasSize(1);
        assertThat(catalog.count(null, null, "homestay")).isEqualTo(1);
        assertThat(catalog.count(null, null, "100%_")).isZero();
        assertThat(catalog.count(null, null, "")).isEqualTo(2);
    }

    @Test
    void catalogFiltersByProgrammeAndTraineeLevel() {
        CurriculumTestData.publishedModule(curriculum, digital, "Cho cán bộ xã", TraineeLevel.COMMUNE_OFFICIAL);
        CurriculumTestData.publishedModule(curriculum, digital, "Cho người dân", TraineeLevel.RESIDENT);
        CurriculumTestData.publishedModule(curriculum, tourism, "Du lịch cho người dân", TraineeLevel.RESIDENT);

        assertThat(catalog.search(digital.programme().id(), TraineeLevel.RESIDENT, "", 0, 10)).extracting(ModuleSummary::title)
                .containsExactly("Cho người dân");
        assertThat(catalog.count(null, TraineeLevel.RESIDENT, "")).isEqualTo(2);
        assertThat(catalog.count(tourism.programme().id(), null, "")).isEqualTo(1);
    }

    @Test
    void traineeCannotOpenADraftModule() {
        ModuleSummary draft = curriculum.createModule(new ModuleDraft(digital.topic().id(), "Bản nháp", null,
                Set.of(TraineeLevel.RESIDENT)));
        TestData.signInAs(Role.TRAINEE, null, null);

        assertThat(catalog.count(null, null, "ban nhap")).isZero();
        assertThatThrownBy(() -> catalog.module(draft.id()))
                .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.moduleNotPublished");
        assertThatThrownBy(() -> catalog.lessons(draft.id())).isInstanceOf(ValidationException.class);
        TestData.signInAs(Role.TRAINER, null, null);
        assertThat(catalog.module(draft.id()).title()).isEqualTo("Bản nháp");
    }

    @Test
    void aQuizWithoutACorrectAnswerIsRefusedAndNothingIsSaved() {
        ModuleSummary module = curriculum.createModule(new ModuleDraft(digital.topic().id(), "Học phần", null, Set.of(TraineeLevel.RESIDENT)));
        LessonDraft noCorrect = new LessonDraft(LessonKind.QUIZ, "Kiểm tra", true, null, 70, 3, false, FeedbackMode.FULL, List.of(
                new LessonDraft.QuestionDraft(QuestionKind.SINGLE, "Câu hỏi?", null, List.of(
                        new LessonDraft.OptionDraft("A", false), new LessonDraft.OptionDraft("B", false)))), null);
        LessonDraft twoForSingle = new LessonDraft(LessonKind.QUIZ, "Kiểm tra", true, null, 70, 3, false, FeedbackMode.FULL, List.of(
                new LessonDraft.QuestionDraft(QuestionKind.SINGLE, "Câu hỏi?", null, List.of(
                        new LessonDraft.OptionDraft("A", true), new LessonDraft.OptionDraft("B", true)))), null);

        assertThatThrownBy(() -> curriculum.saveLesson(module.id(), null, noCorrect))
                .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.quiz.noCorrect");
        assertThatThrownBy(() -> curriculum.saveLesson(module.id(), null, twoForSingle))
                .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.quiz.oneCorrect");
        assertThat(jdbc.queryForObject("select count(*) from curriculum_lesson", Long.class)).isZero();
        assertThatThrownBy(() -> curriculum.publish(module.id()))
                .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.publishEmpty");
    }

    @Test
    void editingAPublishedModuleMakesANewVersionWhileDraftEditsDoNot() {
        ModuleSummary module = curriculum.createModule(new ModuleDraft(digital.topic().id(), "Học phần", null, Set.of(TraineeLevel.RESIDENT)));
        curriculum.saveLesson(module.id(), null, LessonDraft.text("Bài 1", true, "Nội dung"));
        curriculum.updateModule(module.id(), new ModuleDraft(digital.topic().id(), "Học phần 1", null, Set.of(TraineeLevel.RESIDENT)));
        assertThat(curriculum.publish(module.id()).version()).isEqualTo(1);

        curriculum.saveLesson(module.id(), null, LessonDraft.text("Bài 2", true, "Thêm"));

        assertThat(catalog.module(module.id()).version()).isEqualTo(2);
        assertThat(catalog.module(module.id()).isPublished()).isTrue();
    }

    @Test
    void aRemovedLessonLeavesTheModuleButAPublishedModuleKeepsAtLeastOne() {
        ModuleSummary module = CurriculumTestData.publishedModule(curriculum, digital, "Học phần");
        List<LessonSummary> lessons = catalog.lessons(module.id());

        assertThat(curriculum.moveLesson(module.id(), lessons.get(0).id(), -1)).extracting(LessonSummary::title)
                .containsExactly("Bài 1", "Bài đọc thêm", "Kiểm tra");
        assertThat(catalog.module(module.id()).version()).isEqualTo(1);
        curriculum.moveLesson(module.id(), lessons.get(2).id(), -1);
        curriculum.removeLesson(module.id(), lessons.get(1).id());
        curriculum.removeLesson(module.id(), lessons.get(0).id());

        assertThat(catalog.lessons(module.id())).extracting(LessonSummary::title, LessonSummary::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Kiểm tra", 1));
        assertThat(catalog.module(module.id()).lessonCount()).isEqualTo(1);
        assertThat(catalog.module(module.id()).version()).isEqualTo(4);
        assertThat(catalog.requiredLessonIds(module.id())).containsExactly(lessons.get(2).id());
        assertThatThrownBy(() -> catalog.lesson(lessons.get(0).id())).hasMessage("curriculum.error.lessonNotFound");
        assertThatThrownBy(() -> curriculum.removeLesson(module.id(), lessons.get(2).id()))
                .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.lastLesson");
        assertThat(catalog.edition(module.id(), 1).lessons()).hasSize(3);
    }

    @Test
    void quizIsGradedOnTheServerAndAnswersNeverReachTheTrainee() {
        ModuleSummary module = CurriculumTestData.publishedModule(curriculum, digital, "Học phần");
        long quizId = catalog.lessons(module.id()).getLast().id();
        TestData.signInAs(Role.TRAINEE, null, null);
        LessonContent quiz = catalog.lesson(quizId);
        long q1 = quiz.questions().get(0).id();
        long q2 = quiz.questions().get(1).id();

        QuizResult half = catalog.grade(quizId, Map.of(q1, Set.of(1), q2, Set.of(0)));
        QuizResult full = catalog.grade(quizId, Map.of(q1, Set.of(1), q2, Set.of(0, 2)));

        assertThat(half.scorePercent()).isEqualTo(50);
        assertThat(half.passed()).isTrue();
        assertThat(half.questions().get(1).correctChoices()).containsExactly(0, 2);
        assertThat(full.scorePercent()).isEqualTo(100);
        assertThat(catalog.grade(quizId, Map.of()).passed()).isFalse();
    }

    @Test
    void aProgrammeExportedAsOneFileImportsWithItsWholeStructure() {
        CurriculumTestData.publishedModule(curriculum, digital, "Học phần xuất");
        String json = new String(curriculum.exportJson(digital.programme().id()), StandardCharsets.UTF_8)
                .replace("\"CDS-924\"", "\"CDS-924-B\"");

        ProgrammeSummary copy = curriculum.importJson(json.getBytes(StandardCharsets.UTF_8));

        assertThat(copy.decisionNumber()).isEqualTo("924/QĐ-TTg");
        assertThat(curriculum.topics(copy.id())).extracting(TopicSummary::title).containsExactly("Dịch vụ công trực tuyến");
        List<ModuleSummary> modules = curriculum.modules(copy.id(), "", 0, 10);
        assertThat(modules).singleElement().satisfies(m -> {
            assertThat(m.isPublished()).isTrue();
            assertThat(m.lessonCount()).isEqualTo(3);
        });
        assertThatThrownBy(() -> curriculum.importJson(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.codeTaken");
        assertThatThrownBy(() -> curriculum.importJson("không phải JSON".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.importFile");
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysIsRefusedAndNothingIsStored() {
        ModuleSummary module = curriculum.createModule(new ModuleDraft(digital.topic().id(), "Học phần", null, Set.of(TraineeLevel.RESIDENT)));
        long video = curriculum.saveLesson(module.id(), null, lesson(LessonKind.VIDEO, "Video")).id();
        long document = curriculum.saveLesson(module.id(), null, lesson(LessonKind.DOCUMENT, "Tài liệu")).id();

        assertThatThrownBy(() -> curriculum.attachFile(video, "bai-giang.mp4", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.notVideo");
        assertThatThrownBy(() -> curriculum.attachFile(video, "tai-lieu.mp4", PDF))
                .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.notVideo");
        assertThatThrownBy(() -> curriculum.attachFile(document, "tai-lieu.pdf", MP4))
                .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.notPdf");
        assertThatThrownBy(() -> curriculum.attachFile(document, "lon.pdf", new byte[(int) curriculum.maxFileBytes() + 1]))
                .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.fileTooLarge");
        assertThat(jdbc.queryForObject("select count(*) from curriculum_lesson where file_key is not null", Long.class)).isZero();

        LessonContent attached = curriculum.attachFile(video, "Bài giảng.webm", WEBM);
        curriculum.attachFile(document, "So tay.pdf", PDF);

        assertThat(attached.fileType()).isEqualTo("video/webm");
        assertThat(attached.fileName()).isEqualTo("Bài giảng.webm");
        LessonFile file = catalog.lessonFile(document);
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(file.path()).exists().hasBinaryContent(PDF);
    }

    static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
    static final byte[] WEBM = CurriculumTestData.media("bai-giang.webm");
    static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);


    @Test
    void realVideosAndDocumentsAreRecognisedByContentAndLookalikesAreRefused() {
        ModuleSummary module = curriculum.createModule(new ModuleDraft(digital.topic().id(), "Học phần", null, Set.of(TraineeLevel.RESIDENT)));
        long video = curriculum.saveLesson(module.id(), null, lesson(LessonKind.VIDEO, "Video")).id();
        long document = curriculum.saveLesson(module.id(), null, lesson(LessonKind.DOCUMENT, "Tài liệu")).id();
        byte[] heic = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1'};
        byte[] quickTime = {0, 0, 0, 0x14, 'f', 't', 'y', 'p', 'q', 't', ' ', ' ', 0, 0, 2, 0};
        byte[] matroska = CurriculumTestData.media("bai-giang.webm").clone();
        byte[] docType = "webm".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 64; i++) {
            if (matroska[i] == docType[0] && matroska[i + 1] == docType[1] && matroska[i + 2] == docType[2]) {
                System.arraycopy("mkvx".getBytes(StandardCharsets.US_ASCII), 0, matroska, i, 4);
                break;
            }
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d};

        for (byte[] notAVideo : List.of(heic, quickTime, matroska, png, CurriculumTestData.media("so-tay.pdf"))) {
            assertThatThrownBy(() -> curriculum.attachFile(video, "bai-giang.mp4", notAVideo))
                    .isInstanceOf(ValidationException.class).hasMessage("curriculum.error.notVideo");
        }
        assertThatThrownBy(() -> curriculum.attachFile(document, "so-tay.pdf", png)).hasMessage("curriculum.error.notPdf");
        assertThat(jdbc.queryForObject("select count(*) from curriculum_lesson where file_key is not null", Long.class)).isZero();

        assertThat(curriculum.attachFile(video, "bai-giang.mp4", CurriculumTestData.media("bai-giang.mp4")).fileType()).isEqualTo("video/mp4");
        assertThat(curriculum.attachFile(video, "bai-giang.webm", CurriculumTestData.media("bai-giang.webm")).fileType()).isEqualTo("video/webm");
        assertThat(curriculum.attachFile(document, "so-tay.pdf", CurriculumTestData.media("so-tay.pdf")).fileType()).isEqualTo("application/pdf");
        assertThat(catalog.lessonFile(video).size()).isEqualTo(CurriculumTestData.media("bai-giang.webm").length);
    }

    private static LessonDraft lesson(LessonKind kind, String title) {
        return new LessonDraft(kind, title, true, null, null, null, false, null, List.of(), null);
    }

    @Test
    void onlyAuthorsWriteModulesAndOnlyAdministratorsWriteProgrammes() {
        // a trainer writes the modules of a programme they are named an author of, and nothing else
        accounts.create(new NewAccount("gv.cds", "Giảng viên chuyển đổi số", null, null, Role.TRAINER, null, null, null, "Matkhau2026"));
        authors.grant(digital.programme().id(), "gv.cds");
        TestData.signInAsAccount(jdbc, "gv.cds");
        curriculum.createModule(new ModuleDraft(digital.topic().id(), "Của giảng viên", null, Set.of(TraineeLevel.RESIDENT)));
        assertThatThrownBy(() -> curriculum.createModule(new ModuleDraft(tourism.topic().id(), "Không được giao", null,
                Set.of(TraineeLevel.RESIDENT)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> curriculum.addTopic(digital.topic().groupId(), 2, "Chủ đề", null, false))
                .isInstanceOf(AccessDeniedException.class);
        TestData.signInAs(Role.TRAINER, null, null);
        assertThatThrownBy(() -> curriculum.createModule(new ModuleDraft(digital.topic().id(), "Không tên", null,
                Set.of(TraineeLevel.RESIDENT)))).isInstanceOf(AccessDeniedException.class);
        TestData.signInAs(Role.TRAINEE, null, null);
        assertThatThrownBy(() -> curriculum.createModule(new ModuleDraft(digital.topic().id(), "X", null, Set.of(TraineeLevel.RESIDENT))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
