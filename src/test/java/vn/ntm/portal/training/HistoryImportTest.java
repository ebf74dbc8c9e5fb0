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
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.person.PersonMatch;
import vn.ntm.portal.reporting.Breakdown;
import vn.ntm.portal.reporting.ReportFilter;
import vn.ntm.portal.reporting.ReportService;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class HistoryImportTest {

    static final String HEADER = String.join(",", HistoryImportService.headers()) + "\n";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    HistoryImportService history;
    @Autowired
    AttendanceService attendance;
    @Autowired
    ReportService reports;

    TrainingWorld world;

    @BeforeEach
    void setUp() {
        world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aProvincesPastClassesEnterTheSameCounts() {
        String csv = "\uFEFF" + HEADER
                + "SL-2019-01,Tập huấn Bộ tiêu chí NTM,14,15/03/2019,16/03/2019,Trực tiếp,4,Lò Văn Bình,Nam,1975,0912000001,,,,,,4\n"
                + "SL-2019-01,Tập huấn Bộ tiêu chí NTM,14,15/03/2019,16/03/2019,Trực tiếp,4,Quàng Thị Lan,Nữ,1985,0912000002,,,,,,2\n"
                + "SL-2019-01,Tập huấn Bộ tiêu chí NTM,14,15/03/2019,16/03/2019,Trực tiếp,4,Cầm Văn Cường,Nam,1970,0912000003,,,,,,0\n"
                + "SL-2020-07,Tập huấn trực tuyến OCOP,14,43922,43922,Trực tuyến,2,Lò Văn Bình,Nam,1975,+84 912 000 001,,,,,,2\n";

        HistoryImportReport report = history.importFile(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.problems()).isEmpty();
        assertThat(report.classes()).isEqualTo(2);
        assertThat(report.participants()).isEqualTo(4);
        assertThat(report.sessionAttendances()).isEqualTo(4 + 2 + 2);
        long first = jdbc.queryForObject("select id from training_class where code = 'SL-2019-01'", Long.class);
        ClassCounts counts = attendance.counts(first);
        assertThat(counts.sessions()).isEqualTo(4);
        assertThat(counts.enrolments()).isEqualTo(3);
        assertThat(counts.participations()).isEqualTo(2);
        assertThat(counts.completions()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select start_date from training_class where code = 'SL-2020-07'", java.sql.Date.class))
                .hasToString("2020-04-01");
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(3);
    }

    @Test
    void aFileWithProblemsIsRefusedAsAWholeWithEveryProblemListed() {
        String csv = HEADER
                + "SL-2019-02,Lớp tốt,14,15/03/2019,15/03/2019,,2,Lò Văn Bình,,1975,0912000001,,,,,,2\n"
                + "SL-2019-03,Lớp xấu,99,15/03/2019,14/03/2019,,2,Quàng Thị Lan,,1985,0912000002,,,,,,1\n"
                + "SL-2019-02,Lớp tốt,14,15/03/2019,15/03/2019,,2,Cầm Văn Cường,,1970,12345,,,,,,5\n";

        HistoryImportReport report = history.importFile(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.accepted()).isFalse();
        assertThat(report.problems()).extracting(HistoryImportReport.LineProblem::messageKey)
                .contains("history.error.unit", "history.error.dates", "roster.error.phone", "history.error.attended");
        assertThat(jdbc.queryForObject("select count(*) from training_class", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isZero();
    }

    @Test
    void aCoordinatorCannotImportAnotherProvincesClasses() {
        TestData.signInAs(Role.COORDINATOR, world.haTinh.id(), world.haTinh.path());
        String csv = HEADER + "SL-2019-04,Lớp Sơn La,14,15/03/2019,15/03/2019,,1,Lò Văn Bình,,1975,0912000001,,,,,,1\n";

        HistoryImportReport report = history.importFile(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.problems()).extracting(HistoryImportReport.LineProblem::messageKey).containsExactly("history.error.unitOutsideScope");
        assertThat(jdbc.queryForObject("select count(*) from training_class", Long.class)).isZero();
    }

    /** One CSV line of the template's columns, in order (see {@link HistoryImportService#headers()}); quoted where needed. */
    static String row(String... cells) {
        return Arrays.stream(cells).map(c -> c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
                .collect(Collectors.joining(",")) + "\n";
    }

    /** A participant of a class: class columns, then name, phone, national ID, position, level, attended. */
    static String participant(String code, String from, String mode, String name, String phone, String id, String position, String level,
                              int attended) {
        return row(code, "Lớp " + code, "14", from, from, mode, "2", name, "", "1980", phone, id, "", position, level, "", String.valueOf(attended));
    }

    private HistoryImportReport importCsv(String csv) {
        return history.importFile(csv.getBytes(StandardCharsets.UTF_8));
    }

    private String modeOf(String code) {
        return jdbc.queryForObject("select delivery_mode from training_class where code = ?", String.class, code);
    }

    @Test
    void onlineAndBlendedClassesAreReadWhateverTheUnicodeFormCaseOrDiacriticsOfTheModeColumn() {
        String decomposed = Normalizer.normalize("Trực tuyến", Normalizer.Form.NFD);
        String csv = HEADER
                + participant("SL-2021-01", "15/03/2021", decomposed, "Lò Văn Bình", "0912000001", "", "", "Cán bộ cấp xã", 2)
                + participant("SL-2021-02", "16/03/2021", "Truc tuyen", "Lò Văn Bình", "0912000001", "", "", "Cán bộ cấp xã", 2)
                + participant("SL-2021-03", "17/03/2021", "Kết hợp", "Lò Văn Bình", "0912000001", "", "", "Cán bộ cấp xã", 2)
                + participant("SL-2021-04", "18/03/2021", "TRỰC TIẾP", "Lò Văn Bình", "0912000001", "", "", "Cán bộ cấp xã", 2);

        HistoryImportReport report = importCsv(csv);

        assertThat(report.problems()).isEmpty();
        assertThat(List.of(modeOf("SL-2021-01"), modeOf("SL-2021-02"), modeOf("SL-2021-03"), modeOf("SL-2021-04")))
                .containsExactly("ONLINE", "ONLINE", "BLENDED", "IN_PERSON");
        TestData.awaitEventsHandled(jdbc);
        assertThat(reports.summary(ReportFilter.all(), List.of(Breakdown.MODE)).rows(Breakdown.MODE))
                .extracting(r -> r.key() + "=" + r.figures().classes())
                .containsExactlyInAnyOrder("IN_PERSON=1", "ONLINE=2", "BLENDED=1");
    }

    @Test
    void aPersonWrittenTwiceInTheSheetIsPreviewedAsTheEarlierRowsPersonAsTheImportStoresHim() {
        // line 2 with national ID and phone; line 3 the same person in another class, phone only; line 4 the
        // household's other member: same phone, another national ID - a different person, at most a possible duplicate
        String csv = HEADER
                + participant("SL-2021-11", "15/03/2021", "", "Lò Văn Bình", "0912000001", "014075000123", "Trưởng thôn", "", 2)
                + participant("SL-2021-12", "15/04/2021", "", "Lò Văn Bình", "0912000001", "", "Trưởng thôn", "", 1)
                + participant("SL-2021-12", "15/04/2021", "", "Lò Thị Hoa", "0912000001", "014185000456", "", "Người dân", 1);

        HistoryPreview preview = history.preview(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.rows()).extracting(r -> r.line() + ":" + r.match() + "/" + r.sameAsLine())
                .containsExactly("2:NEW/null", "3:PHONE/2", "4:POSSIBLE_DUPLICATE/2");
        assertThat(importCsv(csv).problems()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(2);
    }

    @Test
    void anUnknownDeliveryModeIsRefusedInsteadOfCountedAsInPerson() {
        String csv = HEADER + participant("SL-2021-05", "15/03/2021", "Hội nghị", "Lò Văn Bình", "0912000001", "", "", "Người dân", 2);

        HistoryPreview preview = history.preview(csv.getBytes(StandardCharsets.UTF_8));
        HistoryImportReport report = importCsv(csv);

        assertThat(preview.rows().getFirst().problems()).extracting(HistoryImportReport.LineProblem::messageKey).containsExactly("history.error.mode");
        assertThat(report.problems()).extracting(HistoryImportReport.LineProblem::messageKey).containsExactly("history.error.mode");
        assertThat(jdbc.queryForObject("select count(*) from training_class", Long.class)).isZero();
    }

    @Test
    void aVillageOfficialOf2022WhoBecameACommuneOfficialIn2024CountsUnderEachLevelInItsYear() {
        String csv = HEADER
                + participant("SL-2022-01", "15/03/2022", "", "Lò Văn Bình", "0912000001", "014075000123", "Trưởng thôn", "", 2)
                + participant("SL-2024-01", "15/03/2024", "", "Lò Văn Bình", "0912000001", "014075000123", "Chủ tịch UBND xã", "", 2);

        assertThat(importCsv(csv).problems()).isEmpty();
        TestData.awaitEventsHandled(jdbc);

        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(1);
        for (int year : new int[]{2022, 2024}) {
            var byLevel = reports.summary(ReportFilter.all().withYear(year), List.of(Breakdown.TRAINEE_LEVEL)).rows(Breakdown.TRAINEE_LEVEL);
            assertThat(byLevel).as("year " + year).extracting(r -> r.key() + "=" + r.figures().participations())
                    .containsExactly((year == 2022 ? "VILLAGE_OFFICIAL" : "COMMUNE_OFFICIAL") + "=1");
            // the filter by level too (it reads the per-person rows, not the cells)
            assertThat(reports.summary(ReportFilter.all().withYear(year).withTraineeLevel(TraineeLevel.VILLAGE_OFFICIAL), List.of())
                    .total().participations()).as("year " + year).isEqualTo(year == 2022 ? 1 : 0);
        }
        assertThat(jdbc.queryForList("select trainee_level from roster_entry r join training_class c on c.id = r.class_id order by c.start_date",
                String.class)).containsExactly("VILLAGE_OFFICIAL", "COMMUNE_OFFICIAL");
    }

    @Test
    void whatTheImportSaysItStoredIsWhatItStoredWhenTwoRowsTurnOutToBeOnePerson() {
        String csv = HEADER
                // the same person twice: once by national ID, once by the phone already on their record
                + row("SL-2019-09", "Lớp SL-2019-09", "14", "15/03/2019", "16/03/2019", "", "4", "Lò Văn Bình", "", "1975", "0912000001",
                "014075000123", "", "", "Người dân", "", "4")
                + row("SL-2019-09", "Lớp SL-2019-09", "14", "15/03/2019", "16/03/2019", "", "4", "Lò Văn Binh", "", "1975", "0912000001",
                "", "", "", "Người dân", "", "4");

        HistoryImportReport report = importCsv(csv);

        assertThat(report.problems()).isEmpty();
        long stored = jdbc.queryForObject("select count(*) from attendance", Long.class);
        long places = jdbc.queryForObject("select count(*) from roster_entry", Long.class);
        assertThat(stored).isEqualTo(4);
        assertThat(report.sessionAttendances()).isEqualTo(stored);
        assertThat(report.participants()).isEqualTo(places).isEqualTo(1);
    }

    @Test
    void whatOfficesReallyTypeIsAccepted() {
        String csv = "DANH SÁCH HỌC VIÊN CÁC LỚP NĂM 2023,,,\n\n" + HEADER
                // a title line above the header; dates with dashes; the province written by name; a national ID that lost
                // its leading zero and one written with dots; a commune as the official list writes it, or its code as a number
                + row("SL-2023-01", "Lớp 2023", "Tỉnh Sơn La", "15-03-2023", "16-03-2023", "Trực tiếp", "4", "Lò Văn Bình", "Nam", "1975",
                "", "14075000123", "Xã Mường Chiên", "", "Người dân", "", "4")
                + row("SL-2023-01", "Lớp 2023", "Tỉnh Sơn La", "15-03-2023", "16-03-2023", "Trực tiếp", "4", "Quàng Thị Lan", "Nữ", "1985",
                "", "014.185.000.124", "3688", "", "Người dân", "", "2");

        HistoryImportReport report = importCsv(csv);

        assertThat(report.problems()).isEmpty();
        assertThat(jdbc.queryForList("select national_id from person order by national_id", String.class))
                .containsExactly("014075000123", "014185000124");
        assertThat(jdbc.queryForList("select u.code from person p join administrative_unit u on u.id = p.commune_id", String.class))
                .containsExactly("03688", "03688");
        assertThat(jdbc.queryForObject("select start_date from training_class", java.sql.Date.class)).hasToString("2023-03-15");
    }

    @Test
    void theGoodRowsCanBeImportedAndTheBadOnesListedToFix() {
        String csv = HEADER
                + participant("SL-2020-01", "15/03/2020", "", "Lò Văn Bình", "0912000001", "", "", "Người dân", 2)
                + participant("SL-2020-01", "15/03/2020", "", "Quàng Thị Lan", "12345", "", "", "Người dân", 2)
                + participant("SL-2020-02", "16/03/2020", "Hội thảo", "Cầm Văn Cường", "0912000003", "", "", "Người dân", 1);

        HistoryImportReport allOrNothing = importCsv(csv);
        assertThat(allOrNothing.accepted()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from training_class", Long.class)).isZero();

        HistoryPreview preview = history.preview(csv.getBytes(StandardCharsets.UTF_8));
        HistoryImportReport good = history.importFile(csv.getBytes(StandardCharsets.UTF_8), true);

        assertThat(good.accepted()).isTrue();
        assertThat(good.classes()).isEqualTo(1);
        assertThat(good.participants()).isEqualTo(1);
        assertThat(good.sessionAttendances()).isEqualTo(2);
        assertThat(good.skipped()).extracting(HistoryImportReport.LineProblem::line).containsExactly(3, 4);
        assertThat(jdbc.queryForList("select code from training_class", String.class)).containsExactly("SL-2020-01");
        String badRows = new String(preview.badRowsCsv("Dòng", "Lỗi", p -> p.messageKey()), StandardCharsets.UTF_8);
        assertThat(badRows).contains("Quàng Thị Lan", "roster.error.phone", "Cầm Văn Cường", "history.error.mode").doesNotContain("Lò Văn Bình");
    }

    @Test
    void everyDimensionTheDashboardReportsIsCarriedAndUnknownColumnsAreListedNotDropped() {
        String header = HEADER.strip() + ",Ghi chú\n";
        String csv = header + row("SL-2024-07", "Lớp du lịch cộng đồng", "14", "15/03/2024", "16/03/2024", "Trực tiếp", "4", "Lò Văn Bình", "",
                "1975", "0912000001", "", "", "", "Người dân", "", "4", "Huyện", "Du lịch nông thôn", "Du lịch cộng đồng; OCOP",
                "Hộ kinh doanh", "gv.sonla", "12.500.000", "Nhà văn hóa bản Mòng", "", "", "hỏi lại anh Cường");

        HistoryPreview preview = history.preview(csv.getBytes(StandardCharsets.UTF_8));
        HistoryImportReport report = importCsv(csv);

        assertThat(preview.ignoredColumns()).containsExactly("Ghi chú");
        assertThat(report.problems()).isEmpty();
        assertThat(jdbc.queryForMap("select programme, topics, target_groups, budget_vnd, venue, organising_level from training_class"))
                .containsEntry("programme", "Du lịch nông thôn").containsEntry("topics", "Du lịch cộng đồng; OCOP")
                .containsEntry("target_groups", "Hộ kinh doanh").containsEntry("budget_vnd", 12_500_000L)
                .containsEntry("venue", "Nhà văn hóa bản Mòng").containsEntry("organising_level", "DISTRICT");
        assertThat(jdbc.queryForObject("select a.username from class_trainer ct join account a on a.id = ct.account_id", String.class))
                .isEqualTo("gv.sonla");
    }

    @Test
    void aProgrammeImportedInCapitalsWithoutDiacriticsOrDecomposedTakesTheSpellingOnRecord() {
        String header = HEADER.strip() + "\n";
        importCsv(header + programmeRow("SL-2023-01", "Du lịch nông thôn", "0912000001"));
        String csv = header + programmeRow("SL-2024-01", "DU LICH NONG THON", "0912000002")
                + programmeRow("SL-2024-02", Normalizer.normalize("du lịch nông thôn", Normalizer.Form.NFD), "0912000003");

        assertThat(importCsv(csv).problems()).isEmpty();

        // (not "select distinct": the column's collation would fold the spellings itself)
        assertThat(jdbc.queryForList("select programme from training_class order by code", String.class))
                .containsExactly("Du lịch nông thôn", "Du lịch nông thôn", "Du lịch nông thôn");
    }

    private static String programmeRow(String code, String programme, String phone) {
        return row(code, "Lớp " + code, "14", "15/03/2024", "15/03/2024", "Trực tiếp", "2", "Người " + phone, "", "1980", phone, "", "", "",
                "Người dân", "", "2", "", programme);
    }

    @Test
    void thePreviewSaysHowEachRowWillBeCounted() {
        importCsv(HEADER + participant("SL-2018-01", "15/03/2018", "", "Lò Văn Bình", "0912000001", "014075000123", "", "Người dân", 2));
        String csv = HEADER
                + participant("SL-2018-02", "15/03/2018", "Kết hợp", "Lò Văn Bình", "", "014075000123", "Trưởng thôn", "", 2)
                + participant("SL-2018-02", "15/03/2018", "Kết hợp", "Quàng Thị Lan", "0912000002", "", "", "Cán bộ cấp xã", 2);

        HistoryPreview preview = history.preview(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.rows()).extracting(HistoryPreview.Row::match).containsExactly(PersonMatch.Kind.NATIONAL_ID, PersonMatch.Kind.NEW);
        assertThat(preview.rows()).extracting(HistoryPreview.Row::level)
                .containsExactly(TraineeLevel.VILLAGE_OFFICIAL, TraineeLevel.COMMUNE_OFFICIAL);
        assertThat(preview.rows()).extracting(HistoryPreview.Row::levelSource).containsExactly(LevelSource.POSITION, LevelSource.COLUMN);
        assertThat(preview.rows()).extracting(HistoryPreview.Row::mode).containsOnly(DeliveryMode.BLENDED);
        assertThat(preview.rows()).extracting(HistoryPreview.Row::unitToday).containsOnly("Sơn La");
    }

    @Test
    void aUnitDissolvedIn2025IsFoundByItsOldNameWithItsKindAndProvinceAndAnAmbiguousNameGetsSuggestions() {
        unitImport.importFile("more.csv", """
                code,name,kind,parent_code,valid_from,valid_to,successor_codes
                H443,Cẩm Xuyên,huyện,42,,2025-06-30,
                H18676,Cẩm Xuyên,thị trấn,H443,,2025-06-30,18673
                """.getBytes(StandardCharsets.UTF_8), vn.ntm.portal.unit.ImportProgress.NONE);
        String csv = HEADER
                + row("HT-2019-01", "Lớp thị trấn", "Thị trấn Cẩm Xuyên, Hà Tĩnh", "15/03/2019", "15/03/2019", "", "2", "Lò Văn Bình", "", "1975",
                "0912000001", "", "", "", "Người dân", "", "2")
                + row("HT-2019-02", "Lớp không rõ", "Cẩm Xuyên", "15/03/2019", "15/03/2019", "", "2", "Lò Văn Bình", "", "1975",
                "0912000001", "", "", "", "Người dân", "", "2");

        HistoryPreview preview = history.preview(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.rows().get(0).problems()).isEmpty();
        assertThat(preview.rows().get(0).unitToday()).isEqualTo("Cẩm Xuyên");
        assertThat(preview.rows().get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.messageKey()).isEqualTo("history.error.unitDidYouMean");
            assertThat(p.arguments().get(1).toString()).contains("(18673)", "(H443)", "(H18676)");
        });
        assertThat(new String(history.dissolvedUnitsCsv(), StandardCharsets.UTF_8)).contains("H443", "H18676").doesNotContain("18673,");
    }
}
