package vn.ntm.portal.certificate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.reporting.ReportFilter;
import vn.ntm.portal.reporting.ReportService;
import vn.ntm.portal.reporting.ReportingWorld;
import vn.ntm.portal.training.HistoryImportReport;
import vn.ntm.portal.training.HistoryImportService;
import vn.ntm.portal.training.HistoryPreview;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Certificates issued on paper in past years, brought in with the past-years sheet: the public verification finds
 * them by number and says they were issued on paper; a number twice in the sheet or already on the portal is refused
 * in the preview, and the import then stores nothing. One imported by mistake is revoked from its class's page by
 * those who manage the class: verification then says so, and the reports stop counting it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "portal.public-url=https://ntm.example.vn")
class PaperCertificateTest {

    /** The template's columns in order; the two paper certificate columns come last. */
    static final String HEADER = String.join(",", HistoryImportService.headers()) + "\n";

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
    HistoryImportService history;
    @Autowired
    ReportService reports;
    @Autowired
    CertificateService certificates;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        CertificateWorld.reset(jdbc);
        ViewTestData.load(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A participant of a 2019 class of Sơn La (4 sessions), with a paper certificate's number and date (blank: none). */
    private static String line(String name, String phone, int attended, String number, String date) {
        return "SL-2019-GCN,Tập huấn Bộ tiêu chí NTM,14,15/03/2019,16/03/2019,Trực tiếp,4," + name + ",,1975," + phone + ",,,,,,"
                + attended + ",,,,,,,," + number + "," + date + "\n";
    }

    @Test
    void paperCertificatesOfAPastYearAreFoundByTheirNumberAndSaySoAndCountInTheReports() throws Exception {
        String csv = "\uFEFF" + HEADER
                + line("Lò Văn Bình", "0912000001", 4, "12/GCN-VPĐP", "20/03/2019")
                + line("Quàng Thị Lan", "0912000002", 4, " 13 / gcn-vpđp ", "2019-03-20")
                + line("Cầm Văn Cường", "0912000003", 1, "", "");

        HistoryImportReport report = history.importFile(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(report.problems()).isEmpty();
        assertThat(report.paperCertificates()).as("what the import says it recorded").isEqualTo(2)
                .isEqualTo(jdbc.queryForObject("select count(*) from certificate_paper where issued_on = '2019-03-20'", Integer.class));

        HttpResponse<String> page = get("/verify?q=" + URLEncoder.encode("12/gcn-vpđp", StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("cấp bằng giấy ngày 20/03/2019", "L. V. Bình", "Tập huấn Bộ tiêu chí NTM (SL-2019-GCN)",
                "12/GCN-VPĐP", "15/03/2019 – 16/03/2019").doesNotContain("Lò Văn Bình").doesNotContain("1975");
        assertThat(get("/verify?q=13%2FGCN-VP%C4%90P").body()).as("typed with spaces and in lower case in the sheet").contains("Q. T. Lan");
        assertThat(get("/verify?q=14%2FGCN-VP%C4%90P").statusCode()).isEqualTo(404);

        // a certificate in force like any other: the reports count both under the class's province and year
        TestData.signInAsAdmin();
        assertThat(ReportingWorld.within(Duration.ofSeconds(30),
                () -> reports.summary(ReportFilter.all().withYear(2019), List.of()).total().certificates() == 2)).isTrue();
    }

    @Test
    void aNumberTwiceInTheSheetOrAlreadyOnThePortalIsRefusedInThePreviewAndNothingIsStored() {
        history.importFile(("\uFEFF" + HEADER + line("Lò Văn Bình", "0912000001", 4, "12/GCN-VPĐP", "20/03/2019"))
                .getBytes(StandardCharsets.UTF_8));
        String csv = HEADER.replace("SL-2019-GCN", "x")
                + line("Quàng Thị Lan", "0912000002", 4, "7/GCN", "20/03/2019").replace("SL-2019-GCN", "SL-2019-GCN2")
                + line("Cầm Văn Cường", "0912000003", 4, "7 / GCN", "21/03/2019").replace("SL-2019-GCN", "SL-2019-GCN2")
                + line("Lường Văn Dũng", "0912000004", 4, "12/GCN-VPĐP", "01/04/2019").replace("SL-2019-GCN", "SL-2019-GCN2")
                + line("Tòng Thị Én", "0912000005", 4, "8/GCN", "32/03/2019").replace("SL-2019-GCN", "SL-2019-GCN2")
                + line("Hà Văn Phúc", "0912000006", 4, "9/GCN", "").replace("SL-2019-GCN", "SL-2019-GCN2");

        HistoryPreview preview = history.preview(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.rows()).extracting(r -> r.problems().stream().map(HistoryImportReport.LineProblem::messageKey).toList())
                .containsExactly(List.of(), List.of("history.error.paperTwice"), List.of("history.error.paperTaken"),
                        List.of("history.error.paperDate"), List.of("history.error.paperIncomplete"));
        assertThat(preview.rows().get(1).problems().getFirst().arguments()).containsExactly("7 / GCN", "2");

        HistoryImportReport refused = history.importFile(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.accepted()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from training_class where code = 'SL-2019-GCN2'", Long.class)).isZero();
        assertThat(jdbc.queryForList("select number from certificate_paper", String.class)).containsExactly("12/GCN-VPĐP");
    }

    @Test
    void aCoordinatorRevokesAWronglyImportedPaperCertificateAndVerificationAndReportsSaySo() throws Exception {
        long classId = importTwoPapersOfSonLa();
        TestData.signInAsAdmin();
        assertThat(ReportingWorld.within(Duration.ofSeconds(30), () -> certificatesOf2019() == 2)).isTrue();

        // Lan's number was typed on the wrong line of the sheet: the coordinator of Sơn La revokes it on the class's page
        TestData.signInAsAccount(jdbc, "dp.sonla");
        List<PaperCertificate> onPaper = certificates.paperOfClass(classId);
        assertThat(onPaper).extracting(PaperCertificate::number).containsExactly("12/GCN-VPĐP", "13/GCN-VPĐP");
        assertThat(onPaper).noneMatch(PaperCertificate::revoked);
        certificates.revokePaper(onPaper.get(1).id(), "Nhập nhầm số của người khác");

        PaperCertificate lan = certificates.paperOfClass(classId).get(1);
        assertThat(lan.revoked()).isTrue();
        String revokedOn = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(lan.revokedAt().atZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        HttpResponse<String> page = get("/verify?q=13%2FGCN-VP%C4%90P");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("cấp bằng giấy ngày 20/03/2019 và đã bị THU HỒI ngày " + revokedOn, "Đã thu hồi ngày " + revokedOn,
                "Q. T. Lan").as("when, not why").doesNotContain("Nhập nhầm");
        assertThat(get("/verify?q=12%2FGCN-VP%C4%90P").body()).as("Bình's stays in force").contains("cấp bằng giấy ngày 20/03/2019")
                .doesNotContain("THU HỒI");
        assertThat(jdbc.queryForObject("select count(*) from audit_change where subject_type = 'CERTIFICATE_PAPER' and action = 'REVOKED'"
                + " and subject_id = ?", Integer.class, lan.id())).as("audited like any revocation").isEqualTo(1);

        // the reports' counter drops by one, and a rebuild from the certificates in force agrees
        TestData.signInAsAdmin();
        assertThat(ReportingWorld.within(Duration.ofSeconds(30), () -> certificatesOf2019() == 1)).isTrue();
        reports.rebuild();
        assertThat(certificatesOf2019()).isEqualTo(1);
    }

    @Test
    void coordinatorOfAnotherProvinceCannotRevokeAPaperCertificateOfSonLa() throws Exception {
        long classId = importTwoPapersOfSonLa();
        long binh = certificates.paperOfClass(classId).getFirst().id();

        TestData.signInAsAccount(jdbc, "dp.hatinh");
        assertThatThrownBy(() -> certificates.revokePaper(binh, "Sai")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> certificates.paperOfClass(classId)).as("nor see them").isInstanceOf(AccessDeniedException.class);
        TestData.signInAsAccount(jdbc, "gv.sonla");
        assertThatThrownBy(() -> certificates.revokePaper(binh, "Sai")).as("a trainer does not revoke").isInstanceOf(AccessDeniedException.class);

        assertThat(jdbc.queryForObject("select count(*) from certificate_paper where revoked_at is not null", Integer.class)).isZero();
        assertThat(get("/verify?q=12%2FGCN-VP%C4%90P").body()).doesNotContain("THU HỒI");
    }

    @Test
    void revokingAPaperCertificateTwiceOrWithoutAReasonIsRefused() {
        long classId = importTwoPapersOfSonLa();
        TestData.signInAsAccount(jdbc, "dp.sonla");
        long binh = certificates.paperOfClass(classId).getFirst().id();

        assertThatThrownBy(() -> certificates.revokePaper(binh, "   ")).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("messageKey", "certificate.error.revokeReasonNeeded");
        certificates.revokePaper(binh, "Nhập nhầm");
        assertThatThrownBy(() -> certificates.revokePaper(binh, "Lần nữa")).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("messageKey", "certificate.error.paperAlreadyRevoked");

        assertThat(jdbc.queryForObject("select revoked_reason from certificate_paper where id = ?", String.class, binh))
                .as("the first revocation stands").isEqualTo("Nhập nhầm");
        assertThat(jdbc.queryForObject("select count(*) from audit_change where subject_type = 'CERTIFICATE_PAPER'", Integer.class))
                .isEqualTo(1);
    }

    /** Imports the 2019 class of Sơn La with two paper certificates (Bình 12/GCN-VPĐP, Lan 13/GCN-VPĐP); returns its id. */
    private long importTwoPapersOfSonLa() {
        TestData.signInAsAdmin();
        HistoryImportReport report = history.importFile(("\uFEFF" + HEADER
                + line("Lò Văn Bình", "0912000001", 4, "12/GCN-VPĐP", "20/03/2019")
                + line("Quàng Thị Lan", "0912000002", 4, "13/GCN-VPĐP", "20/03/2019")).getBytes(StandardCharsets.UTF_8));
        assertThat(report.problems()).isEmpty();
        return jdbc.queryForObject("select id from training_class where code = 'SL-2019-GCN'", Long.class);
    }

    private long certificatesOf2019() {
        return reports.summary(ReportFilter.all().withYear(2019), List.of()).total().certificates();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
