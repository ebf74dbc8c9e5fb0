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
import vn.ntm.portal.curriculum.CurriculumService;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file of the bad-input corpus against every import: the unit list, a class roster (preview, then commit),
 * past years' classes, a curriculum programme. Each answer is either a success or a refusal whose message exists in
 * Vietnamese and English; a refusal changes no table; nothing else (no server error) ever comes out.
 */
@SpringBootTest
class BadInputCorpusTest {

    private static final List<String> TABLES = List.of("administrative_unit", "unit_successor", "account", "person", "training_class",
            "class_session", "roster_entry", "attendance", "curriculum_programme", "curriculum_topic", "curriculum_module");

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

    long classId;

    @BeforeEach
    void setUp() {
        TestData.reset(jdbc);
        TrainingWorld world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        classId = classes.create(TrainingWorld.form("SL-BAD-01", world.sonLa, TrainingWorld.today(), TrainingWorld.today(),
                List.of(world.trainerSonLa))).id();
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
        importers.put("programme", input -> curriculum.importJson(input.content()));

        ResourceBundle vi = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ROOT);
        ResourceBundle en = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ENGLISH);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (BadInput input : BadInputs.files(sheets.template())) {
            for (Map.Entry<String, Importer> importer : importers.entrySet()) {
                cases++;
                Map<String, Long> before = rowCounts();
                try {
                    importer.getValue().run(input);
                } catch (ValidationException refused) {
                    if (!vi.containsKey(refused.messageKey()) || !en.containsKey(refused.messageKey())) {
                        failures.add(input + " → " + importer.getKey() + ": message without a translation: " + refused.messageKey());
                    }
                    if (!rowCounts().equals(before)) {
                        failures.add(input + " → " + importer.getKey() + ": refused but changed " + before + " into " + rowCounts());
                    }
                } catch (RuntimeException | OutOfMemoryError unexpected) {
                    failures.add(input + " → " + importer.getKey() + ": " + unexpected);
                }
            }
        }
        System.out.printf("Bad-input corpus: %d files x %d imports = %d cases%n", BadInputs.files(new byte[0]).size(), importers.size(), cases);
        assertThat(failures).as("answers that were neither a success nor a clear refusal (" + cases + " cases)").isEmpty();
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
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
