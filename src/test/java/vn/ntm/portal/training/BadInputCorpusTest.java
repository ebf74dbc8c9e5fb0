package vn.ntm.portal.training;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.badinput.BadInputs;
import vn.ntm.portal.badinput.BadInputs.BadInput;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.badinput.TableState;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.CurriculumTestData;
import vn.ntm.portal.curriculum.LessonDraft;
import vn.ntm.portal.curriculum.LessonKind;
import vn.ntm.portal.curriculum.ModuleDraft;
import vn.ntm.portal.plan.PlanImportPreview;
import vn.ntm.portal.plan.PlanImportService;
import vn.ntm.portal.unit.ImportProblem;
import vn.ntm.portal.unit.ImportProgress;
import vn.ntm.portal.unit.ImportReport;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file of the bad-input corpus against every import and upload: the unit list (official JSON or CSV, told
 * apart by content), a class roster (preview, then commit), past years' classes (all or nothing, and good rows only),
 * a curriculum programme, a training plan (preview, then commit), a video and a document lesson's file. Each answer is either a success or a refusal whose message exists in
 * Vietnamese and English; a refusal changes no table; nothing else (no server error) ever comes out.
 */
@SpringBootTest
class BadInputCorpusTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    RosterImportService rosterImport;
    @Autowired
    RosterSpreadsheets sheets;
    @Autowired
    HistoryImportService history;
    @Autowired
    CurriculumService curriculum;
    @Autowired
    PlanImportService planImport;

    long classId;
    long videoLesson;
    long documentLesson;

    @BeforeEach
    void setUp() {
        TestData.reset(jdbc);
        TrainingWorld world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        classId = classes.create(TrainingWorld.form("SL-BAD-01", world.sonLa, TrainingWorld.today(), TrainingWorld.today(),
                List.of(world.trainerSonLa))).id();
        CurriculumTestData.World programme = CurriculumTestData.programme(curriculum, "CDS-BAD", "Chuyển đổi số");
        long module = curriculum.createModule(new ModuleDraft(programme.topic().id(), "Học phần", null, Set.of(TraineeLevel.RESIDENT))).id();
        videoLesson = curriculum.saveLesson(module, null, lesson(LessonKind.VIDEO, "Video")).id();
        documentLesson = curriculum.saveLesson(module, null, lesson(LessonKind.DOCUMENT, "Tài liệu")).id();
    }

    private static LessonDraft lesson(LessonKind kind, String title) {
        return new LessonDraft(kind, title, true, null, null, null, false, null, List.of(), null);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    interface Importer {
        void run(BadInput input);
    }

    @Test
    void everyBadFileGetsAClearAnswerFromEveryImportAndARefusalChangesNothing() {
        Map<String, Importer> importers = new LinkedHashMap<>();
        importers.put("unit list", input -> {
            ImportReport report = unitImport.importFile(input.fileName(), input.content(), ImportProgress.NONE);
            if (!report.problems().isEmpty()) {
                throw new ValidationException(report.problems().getFirst().messageKey());
            }
        });
        importers.put("roster", input -> {
            RosterPreview preview = rosterImport.preview(classId, input.content());
            rosterImport.commit(classId, preview, false, false, (done, total) -> { });
        });
        importers.put("past classes", input -> {
            HistoryImportReport report = history.importFile(input.content());
            if (!report.problems().isEmpty()) {
                throw new ValidationException(report.problems().getFirst().messageKey());
            }
        });
        importers.put("past classes, good rows only", input -> {
            HistoryImportReport report = history.importFile(input.content(), true);
            if (!report.accepted()) {
                throw new ValidationException(report.problems().getFirst().messageKey());
            }
        });
        importers.put("programme", input -> curriculum.importJson(input.content()));
        importers.put("training plan", input -> {
            PlanImportPreview preview = planImport.preview(input.content());
            for (ImportProblem problem : preview.problems()) {
                if (!translated(problem.messageKey())) {
                    throw new IllegalStateException("problem without a translation: " + problem.messageKey());
                }
            }
            planImport.commit(input.content());
        });
        // a lesson takes a real video or PDF only: every file of the corpus is refused, save the one that is a PDF
        importers.put("video lesson file", input -> {
            curriculum.attachFile(videoLesson, input.fileName(), input.content());
            throw new IllegalStateException("a video lesson took a file that is no video");
        });
        importers.put("document lesson file", input -> {
            curriculum.attachFile(documentLesson, input.fileName(), input.content());
            if (!new String(input.content(), 0, Math.min(5, input.content().length), StandardCharsets.ISO_8859_1).equals("%PDF-")) {
                throw new IllegalStateException("a document lesson took a file that is no PDF");
            }
        });

        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (BadInput input : BadInputs.files(sheets.template())) {
            for (Map.Entry<String, Importer> importer : importers.entrySet()) {
                cases++;
                Map<String, Long> before = TableState.of(jdbc);
                try {
                    importer.getValue().run(input);
                } catch (ValidationException refused) {
                    if (!translated(refused.messageKey())) {
                        failures.add(input + " → " + importer.getKey() + ": message without a translation: " + refused.messageKey());
                    }
                    List<String> changed = TableState.changed(before, TableState.of(jdbc));
                    if (!changed.isEmpty()) {
                        failures.add(input + " → " + importer.getKey() + ": refused but changed " + changed);
                    }
                } catch (RuntimeException | OutOfMemoryError unexpected) {
                    failures.add(input + " → " + importer.getKey() + ": " + unexpected);
                }
            }
        }
        System.out.printf("Bad-input corpus: %d files x %d imports = %d cases%n", BadInputs.files(new byte[0]).size(), importers.size(), cases);
        assertThat(failures).as("answers that were neither a success nor a clear refusal (" + cases + " cases)").isEmpty();
    }

    private static boolean translated(String key) {
        return ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ROOT).containsKey(key)
                && ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ENGLISH).containsKey(key);
    }

    @Test
    void markupTypedIntoTheRosterIsStoredAsTextAndInvisibleCharactersAreGone() {
        BadInput payloads = BadInputs.files(new byte[0]).stream().filter(i -> i.fileName().equals("payloads.csv")).findFirst().orElseThrow();
        BadInput unicode = BadInputs.files(new byte[0]).stream().filter(i -> i.fileName().equals("unicode.csv")).findFirst().orElseThrow();

        rosterImport.commit(classId, rosterImport.preview(classId, payloads.content()), true, false, (d, t) -> { });
        rosterImport.commit(classId, rosterImport.preview(classId, unicode.content()), true, false, (d, t) -> { });

        List<String> names = jdbc.queryForList("select full_name from person", String.class);
        assertThat(names).contains("<script>window.__xss=1</script>", "Nguyễn Thị Ánh", "Lò Thị Hoa", "Cầm Văn Thượng");
        assertThat(names).allSatisfy(n -> assertThat(n).doesNotContain("\u200B", "\u200F", "\u202E", "\uFEFF", "\u2066"));
    }
}
