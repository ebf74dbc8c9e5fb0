package vn.ntm.portal.reporting;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports and the API carry the numbers of the screen, the filter in words, and nothing outside the caller's scope. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the settable clock in every plain web test, so that they share one application context
@org.springframework.context.annotation.Import(vn.ntm.portal.SettableClock.Config.class)
class ReportExportsTest {

    @LocalServerPort
    int port;
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
    SessionService sessions;
    @Autowired
    RosterService roster;
    @Autowired
    AttendanceService attendance;
    @Autowired
    ReportService reports;
    @Autowired
    ReportExports exports;

    ReportingWorld world;
    static final ResourceBundle VI = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ROOT);
    static final Translator T = (key, args) -> java.text.MessageFormat.format(VI.getString(key), args);

    @BeforeEach
    void setUp() {
        world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        TestData.signInAsAdmin();
        world.hold("SL-2023-XK", world.muongChien, LocalDate.of(2023, 5, 2), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 12_500_000,
                List.of(ReportingWorld.person("Lò Văn Sơn", "0912600001", TraineeLevel.COMMUNE_OFFICIAL)), 4);
        world.hold("HT-2023-XK", world.camXuyen, LocalDate.of(2023, 5, 2), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 61_484_000,
                List.of(ReportingWorld.person("Nguyễn Thị Hường", "0912700001", TraineeLevel.COMMUNE_OFFICIAL),
                        ReportingWorld.person("Đặng Văn Kỳ", "0912700002", TraineeLevel.RESIDENT)), 4, 3);
        world.settle();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private ReportDocument document(String username, ReportFilter filter) {
        TestData.signInAsAccount(jdbc, username);
        ReportSummary s = reports.summary(filter, EnumSet.allOf(Breakdown.class));
        return ReportDocument.of(s, List.of(Breakdown.values()), T, id -> "#" + id);
    }

    @Test
    void hatinhCoordinatorsPdfCarriesTheFilterTheBulletinAndVietnameseWordsIntactInAnEmbeddedFont() throws Exception {
        ReportDocument doc = document("dp.hatinh", ReportFilter.ofPhase(Phase.P2021_2025));
        byte[] pdf = exports.pdf(doc);

        try (PDDocument read = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(read).replaceAll("\\s+", " ");
            assertThat(text).contains("Giai đoạn 2021-2025, tỉnh Hà Tĩnh đã tổ chức 1 lớp tập huấn với 2 lượt người tham gia (2 người).");
            assertThat(text).contains("Thời gian: Giai đoạn 2021-2025", "Đơn vị: tỉnh Hà Tĩnh", "Lượt điểm danh (người × buổi)",
                    "Cẩm Xuyên", "Cán bộ cấp xã", "61.484.000");
            assertThat(text).doesNotContain("Sơn La", "Mường Chiên", "12.500.000");
            PDFont font = read.getPage(0).getResources().getFont(read.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).contains("DejaVuSans");
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    @Test
    void xlsxAndCsvHoldTheNumbersOfTheSummaryAndNothingOfAnotherProvince() throws Exception {
        ReportDocument doc = document("dp.sonla", ReportFilter.all());
        List<String> cells = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(exports.xlsx(doc)))) {
            for (Row row : book.getFirstSheet().read()) {
                row.forEach(c -> cells.add(c == null ? "" : c.getText()));
            }
        }
        assertThat(cells).contains("Đơn vị: tỉnh Sơn La", "Mường Chiên", "12500000");
        assertThat(cells).noneMatch(c -> c.contains("Hà Tĩnh") || c.contains("Cẩm Xuyên") || c.contains("61484000"));

        String csv = new String(exports.csv(doc), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("Đơn vị: tỉnh Sơn La", "Mường Chiên,1,1,4,1,1,1,0,0,12500000")
                .doesNotContain("Hà Tĩnh").doesNotContain("Cẩm Xuyên");
    }

    @Test
    void theApiAnswersWithTheSameNumbersAndRefusesSonLaAQuestionAboutHaTinh() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> own = http.send(get("dp.hatinh", "/api/v1/reports/summary?phase=2021-2025&breakdown=UNIT"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"participations\":2", "\"uniqueParticipants\":2", "\"classes\":1", "Cẩm Xuyên")
                .doesNotContain("Mường Chiên");

        HttpResponse<String> other = http.send(get("dp.sonla", "/api/v1/reports/summary?unitId=" + world.haTinh.id()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("participations");

        HttpResponse<String> mine = http.send(get("dp.sonla", "/api/v1/reports/summary?breakdown=UNIT&breakdown=MODE"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(mine.body()).contains("Mường Chiên").doesNotContain("Cẩm Xuyên").doesNotContain("Hà Tĩnh");

        HttpResponse<String> bad = http.send(get("dp.sonla", "/api/v1/reports/summary?phase=2019-2023"), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("reports.error.phase");

        HttpResponse<String> docs = http.send(get("dp.sonla", "/api/v1/api-docs"), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/reports/summary", "uniqueParticipants");
    }

    @Test
    void theNewFiltersAreWrittenInWordsOnEveryFileAndTheTableByTrainerHasItsNoteInsteadOfASum() throws Exception {
        TestData.signInAsAdmin();
        long hoa = world.trainer("gv.hoa", "Nguyễn Văn Hòa", world.haTinh);
        long minh = world.trainer("gv.minh", "Trần Đức Minh", world.haTinh);
        world.hold(ReportingWorld.form("HT-2023-GV", world.camXuyen, LocalDate.of(2023, 6, 5), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE,
                5_000_000, "Chuyển đổi số", List.of(hoa, minh)),
                List.of(ReportingWorld.person("Phạm Thị Lan", "0912700011", TraineeLevel.COMMUNE_OFFICIAL)), 4);
        world.settle();
        ReportFilter filter = new ReportFilter(null, 2023, null, null, null, null, null, false, null, null, "cán bộ", "NTM 2021-2025",
                "chuyen doi so", null, hoa);
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        ReportSummary s = reports.summary(filter, EnumSet.allOf(Breakdown.class));
        ReportDocument doc = ReportDocument.of(s, List.of(Breakdown.values()), T, id -> id == hoa ? "Nguyễn Văn Hòa" : "?");

        assertThat(doc.filterLines()).contains("Chương trình: NTM 2021-2025", "Chuyên đề: chuyen doi so", "Đối tượng của lớp: cán bộ",
                "Giảng viên: Nguyễn Văn Hòa");
        assertThat(doc.bulletin()).isEqualTo("Năm 2023, tỉnh Hà Tĩnh đã tổ chức 1 lớp tập huấn với 1 lượt người tham gia (1 người)."
                + " Số liệu chỉ tính lớp thuộc chương trình “NTM 2021-2025”, lớp có chuyên đề “chuyen doi so”, lớp dành cho “cán bộ”,"
                + " lớp do giảng viên Nguyễn Văn Hòa dạy.");
        String note = T.t("reports.trainerNote");

        try (PDDocument read = Loader.loadPDF(exports.pdf(doc))) {
            String text = new PDFTextStripper().getText(read).replaceAll("\\s+", " ");
            assertThat(text).contains("Giảng viên: Nguyễn Văn Hòa", "Chuyên đề: chuyen doi so", "Chương trình: NTM 2021-2025",
                    "Theo giảng viên", "Trần Đức Minh", note);
        }
        List<String> cells = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(exports.xlsx(doc)))) {
            for (Row row : book.getFirstSheet().read()) {
                row.forEach(c -> cells.add(c == null ? "" : c.getText()));
            }
        }
        assertThat(cells).contains("Giảng viên: Nguyễn Văn Hòa", "Đối tượng của lớp: cán bộ", note);
        // the class shared by two trainers is one class: no Σ under the table by trainer, its note instead
        List<String> afterTrainerHeading = cells.subList(cells.indexOf("Theo giảng viên"), cells.size());
        assertThat(afterTrainerHeading).doesNotContain("Σ").contains(note);

        String csv = new String(exports.csv(doc), StandardCharsets.UTF_8);
        assertThat(csv).contains("Giảng viên: Nguyễn Văn Hòa", "Nguyễn Văn Hòa,1,1,4,1,1,1,,,5000000", "Trần Đức Minh,1,1,4,1,1,1,,,5000000",
                note);
    }

    @Test
    void theApiGivesTheRowsByTrainerAndDocumentsTheClassFilters() throws Exception {
        TestData.signInAsAdmin();
        long hoa = world.trainer("gv.hoa", "Nguyễn Văn Hòa", world.haTinh);
        world.hold(ReportingWorld.form("HT-2023-API", world.camXuyen, LocalDate.of(2023, 6, 5), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE,
                0, "Chuyển đổi số", List.of(hoa)), List.of(ReportingWorld.person("Phạm Thị Lan", "0912700021", TraineeLevel.RESIDENT)), 4);
        world.settle();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> byTrainer = http.send(get("dp.hatinh", "/api/v1/reports/summary?year=2023&breakdown=TRAINER"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byTrainer.statusCode()).isEqualTo(200);
        assertThat(byTrainer.body()).contains("\"TRAINER\"", "\"key\":\"" + hoa + "\"", "Nguyễn Văn Hòa", "\"key\":\"0\"");

        HttpResponse<String> filtered = http.send(get("dp.hatinh", "/api/v1/reports/summary?trainerId=" + hoa + "&topic=chuyen%20doi%20so"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(filtered.body()).contains("\"classes\":1", "\"participations\":1");
        // Sơn La asking about Hà Tĩnh's trainer gets nothing of Hà Tĩnh
        HttpResponse<String> other = http.send(get("dp.sonla", "/api/v1/reports/summary?trainerId=" + hoa + "&breakdown=TRAINER"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.body()).contains("\"classes\":0").doesNotContain("Nguyễn Văn Hòa");

        HttpResponse<String> docs = http.send(get("dp.sonla", "/api/v1/api-docs"), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.body()).contains("TRAINER", "classes taught by this trainer", "classes whose topics contain this text");
    }

    @Test
    void aScriptAsksByOfficialUnitCodeAndReadsTheUnitListWithSuccessors() throws Exception {
        world.hold("HT-2023-CODE", world.camXuyen, LocalDate.of(2023, 6, 5), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 0,
                List.of(ReportingWorld.person("Phạm Thị Lan", "0912700031", TraineeLevel.RESIDENT)), 4);
        world.settle();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> byCode = http.send(get("dp.hatinh", "/api/v1/reports/summary?unit=18673"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> byId = http.send(get("dp.hatinh", "/api/v1/reports/summary?unitId=" + world.camXuyen.id()),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> byUnitCode = http.send(get("dp.hatinh", "/api/v1/reports/summary?unitCode=18673"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byCode.statusCode()).isEqualTo(200);
        assertThat(byCode.body()).contains("\"unitName\":\"xã Cẩm Xuyên\"").isEqualTo(byId.body()).isEqualTo(byUnitCode.body());
        assertThat(http.send(get("dp.sonla", "/api/v1/reports/summary?unit=42"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(403);
        HttpResponse<String> unknown = http.send(get("dp.hatinh", "/api/v1/reports/summary?unit=99999"), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);

        HttpResponse<String> list = http.send(get("hv.sonla", "/api/v1/units?page=0&size=500"), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        // the dissolved township names its successor, the district its province
        assertThat(list.body()).contains("\"code\":\"H18676\"", "\"successorCodes\":[\"18673\"]", "\"parentCode\":\"H443\"",
                "\"validTo\":\"2025-06-30\"", "\"level\":\"COMMUNE\"");
        HttpResponse<String> page = http.send(get("hv.sonla", "/api/v1/units?page=1&size=2"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("\"page\":1", "\"size\":2");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/units")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> docs = http.send(get("dp.sonla", "/api/v1/api-docs"), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.body()).contains("/api/v1/units", "unitCode");
    }

    private HttpRequest get(String username, String path) {
        String auth = Base64.getEncoder().encodeToString((username + ":" + ViewTestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + auth).GET().build();
    }

    static String joined(List<String> lines) {
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
