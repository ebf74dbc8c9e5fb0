package vn.ntm.portal.certificate;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Certificates as their users meet them: issuing, the PDF and its QR code, the public verification page, revoking. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "portal.public-url=https://ntm.example.vn")
class CertificateTest {

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
    CertificateService certificates;
    @Autowired
    CertificateTemplates templates;
    @Autowired
    CertificateDocuments documents;
    @Autowired
    vn.ntm.portal.person.PersonDirectory persons;
    @Autowired
    vn.ntm.portal.training.PaperCertificates paperCertificates;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private final HttpClient http = HttpClient.newHttpClient();
    CertificateWorld world;

    @BeforeEach
    void setUp() {
        world = new CertificateWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        TestData.signInAsAccount(jdbc, "dp.sonla");
        templates.save(world.classId, CertificateWorld.template("vpđp"), null);
    }

    @Test
    void trainerIssuesToThoseWhoCompletedAndNeedsAReasonForAnyoneElse() {
        TestData.signInAsAccount(jdbc, "gv.sonla");
        List<Candidate> candidates = certificates.candidates(world.classId);
        assertThat(candidates).filteredOn(Candidate::completed).extracting(Candidate::personId).containsExactlyInAnyOrder(world.an, world.binh);

        assertThatThrownBy(() -> certificates.issue(world.classId, List.of(world.an, world.chi), null))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("messageKey", "certificate.error.reasonNeeded");
        assertThat(certificates.ofClass(world.classId)).as("nothing half-issued").isEmpty();

        List<IssuedCertificate> issued = certificates.issue(world.classId, List.of(world.an, world.binh), null);
        assertThat(issued).extracting(IssuedCertificate::number).containsExactly("1/GCN-VPĐP", "2/GCN-VPĐP");
        List<IssuedCertificate> exception = certificates.issue(world.classId, List.of(world.chi, world.an), "Ốm có giấy, học bù");
        assertThat(exception).singleElement().satisfies(c -> {
            assertThat(c.number()).isEqualTo("3/GCN-VPĐP");
            assertThat(c.completed()).isFalse();
            assertThat(c.exceptionReason()).isEqualTo("Ốm có giấy, học bù");
            assertThat(c.code()).hasSize(20).matches("[" + VerificationCode.ALPHABET + "]+");
        });
        assertThat(jdbc.queryForList("select f.new_value from audit_change c join audit_change_field f on f.change_id = c.id"
                + " where c.subject_type = 'CERTIFICATE' and f.field = 'exceptionReason'", String.class)).containsExactly("Ốm có giấy, học bù");
    }

    @Test
    void trainerOfHaTinhCannotIssueInASonLaClass() {
        TestData.signInAsAccount(jdbc, "gv.hatinh");
        assertThatThrownBy(() -> certificates.issue(world.classId, List.of(world.an), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents.writeZip(world.classId, new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anonymousPhoneScanningTheQrCodeSeesTheFacts() throws Exception {
        TestData.signInAsAccount(jdbc, "gv.sonla");
        IssuedCertificate c = certificates.issue(world.classId, List.of(world.an), null).getFirst();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        documents.writePdf(c.id(), pdf);

        String url = qrOf(pdf.toByteArray());
        assertThat(url).isEqualTo("https://ntm.example.vn/verify/" + c.code());
        HttpResponse<String> page = get("/verify/" + c.code());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nguyễn Văn An", "1980", "Lớp tập huấn SL-GCN-01", "1/GCN-VPĐP", "02/03/2026",
                "Văn phòng Điều phối nông thôn mới tỉnh Sơn La", "Còn hiệu lực").doesNotContain("<script");
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).as("landscape").isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
            assertThat(new PDFTextStripper().getText(doc)).contains("Nguyễn Văn An", "GIẤY CHỨNG NHẬN", "Độc lập - Tự do - Hạnh phúc");
        }
    }

    @Test
    void revokedCertificateSaysSoWithTheDate() throws Exception {
        TestData.signInAsAccount(jdbc, "gv.sonla");
        IssuedCertificate c = certificates.issue(world.classId, List.of(world.binh), null).getFirst();
        assertThatThrownBy(() -> certificates.revoke(c.id(), "Sai tên")).as("a trainer does not revoke").isInstanceOf(AccessDeniedException.class);
        TestData.signInAsAccount(jdbc, "dp.sonla");
        assertThatThrownBy(() -> certificates.revoke(c.id(), "  ")).isInstanceOf(ValidationException.class);
        certificates.revoke(c.id(), "Cấp nhầm người");

        HttpResponse<String> page = get("/verify/" + c.code());
        assertThat(page.statusCode()).isEqualTo(200);
        String today = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        assertThat(page.body()).contains("THU HỒI ngày " + today, "Đã thu hồi ngày " + today).doesNotContain("Còn hiệu lực")
                .doesNotContain("Cấp nhầm người");
        // a new certificate may follow the revoked one
        assertThat(certificates.issue(world.classId, List.of(world.binh), null)).hasSize(1);
    }

    @Test
    void codeTypedInLowerCaseWithSpacesIsFoundAndGarbageGetsAClearAnswer() throws Exception {
        TestData.signInAsAccount(jdbc, "gv.sonla");
        IssuedCertificate c = certificates.issue(world.classId, List.of(world.an), null).getFirst();
        String typed = " " + c.groupedCode().toLowerCase(Locale.ROOT).replace("-", " ") + " ";
        assertThat(get("/verify?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)).body()).contains("Nguyễn Văn An", "Còn hiệu lực");
        assertThat(get("/verify/" + c.code().toLowerCase(Locale.ROOT)).statusCode()).isEqualTo(200);

        HttpResponse<String> byNumber = get("/verify?q=" + URLEncoder.encode("1 / gcn-vpđp", StandardCharsets.UTF_8));
        assertThat(byNumber.statusCode()).isEqualTo(200);
        assertThat(byNumber.body()).as("a number is easy to guess: the name shortened, no birth year").contains("N. V. An")
                .doesNotContain("Nguyễn Văn An").doesNotContain("1980");

        for (String garbage : List.of("%3Cscript%3Ealert(1)%3C%2Fscript%3E", "' OR 1=1 --", "ĐĐĐĐ", "x".repeat(5000), "%00%ff")) {
            HttpResponse<String> answer = get("/verify?q=" + (garbage.contains("%") ? garbage : URLEncoder.encode(garbage, StandardCharsets.UTF_8)));
            assertThat(answer.statusCode()).as(garbage).isEqualTo(400);
            assertThat(answer.body()).contains("Đây không phải mã xác minh").doesNotContain("<script>");
        }
        HttpResponse<String> unknown = get("/verify/" + "A".repeat(20));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Không có giấy chứng nhận nào");
        assertThat(get("/verify/%3Cb%3E").statusCode()).isEqualTo(400);
        assertThat(get("/verify").statusCode()).isEqualTo(200);
    }

    @Test
    void sealThatIsNotAnImageOrEnormousIsRefusedAndARealOneIsPrinted() throws Exception {
        long templateId = templates.forClass(world.classId).orElseThrow().id();
        assertRefused(templateId, "%PDF-1.4 not a seal".getBytes(StandardCharsets.UTF_8), "certificate.error.sealNotImage");
        byte[] fakePng = new byte[200];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, fakePng, 0, 8);
        assertRefused(templateId, fakePng, "certificate.error.sealNotImage");
        assertRefused(templateId, png(20_000, 3), "certificate.error.sealTooManyPixels");
        assertRefused(templateId, new byte[SealImage.MAX_BYTES + 1], "certificate.error.sealTooLarge");

        assertThat(templates.setSeal(templateId, png(120, 120)).hasSeal()).isTrue();
        TestData.signInAsAccount(jdbc, "gv.sonla");
        IssuedCertificate c = certificates.issue(world.classId, List.of(world.an), null).getFirst();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        documents.writePdf(c.id(), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(doc.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }
    }

    @Test
    void templateFieldWithMarkupIsPrintedAsTypedNeverInterpreted() throws Exception {
        var t = templates.forClass(world.classId).orElseThrow();
        TemplateForm markup = new TemplateForm("GIẤY CHỨNG NHẬN", "<b>VP</b><script>alert(1)</script>", "VPĐP", "Lê Văn Ký",
                "Chánh Văn phòng", null, "Đã hoàn thành <i>khóa</i> tập huấn", null, false);
        templates.save(world.classId, markup, t.version());
        TestData.signInAsAccount(jdbc, "gv.sonla");
        IssuedCertificate c = certificates.issue(world.classId, List.of(world.an), null).getFirst();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        documents.writePdf(c.id(), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Đã hoàn thành <i>khóa</i> tập huấn");
        }
        String page = get("/verify/" + c.code()).body();
        assertThat(page).contains("&lt;b&gt;VP&lt;/b&gt;&lt;script&gt;").doesNotContain("<script>alert");
    }

    @Test
    void classCertificatesComeAsOneZipAndAListWithNumbersAndCodes() throws Exception {
        TestData.signInAsAccount(jdbc, "gv.sonla");
        List<IssuedCertificate> issued = certificates.issue(world.classId, List.of(world.an, world.binh), null);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        documents.writeZip(world.classId, zip);
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(new String(in.readAllBytes(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
                entries++;
            }
        }
        assertThat(entries).isEqualTo(2);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        documents.writeCsv(world.classId, csv, key -> key);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains(issued.get(0).number(), issued.get(0).groupedCode(),
                issued.get(1).number(), issued.get(1).groupedCode());
    }

    @Test
    void traineeListsAndDownloadsTheirOwnCertificatesOnly() throws Exception {
        long self = world.traineeOnTheClass(jdbc, persons);
        TestData.signInAsAccount(jdbc, "gv.sonla");
        List<IssuedCertificate> issued = certificates.issue(world.classId, List.of(self, world.an), null);
        IssuedCertificate mine = issued.stream().filter(c -> c.personId() == self).findFirst().orElseThrow();
        IssuedCertificate someoneElses = issued.stream().filter(c -> c.personId() == world.an).findFirst().orElseThrow();

        TestData.signInAsAccount(jdbc, "hv.sonla");
        assertThat(certificates.mine()).extracting(IssuedCertificate::number).containsExactly(mine.number());
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        documents.writePdf(mine.id(), pdf);
        assertThat(qrOf(pdf.toByteArray())).endsWith("/verify/" + mine.code());
        assertThatThrownBy(() -> documents.writePdf(someoneElses.id(), new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> certificates.ofClass(world.classId)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void traineeSeesTheirPaperCertificateOfAPastYearBesideTheOnesIssuedHere() throws Exception {
        long self = world.traineeOnTheClass(jdbc, persons);
        TestData.signInAsAccount(jdbc, "gv.sonla");
        IssuedCertificate here = certificates.issue(world.classId, List.of(self), null).getFirst();
        // the history import brought a 2019 class of theirs with two paper certificates, one of them revoked since, and An's
        long past = pastClassWithPapers(self);

        TestData.signInAsAccount(jdbc, "hv.sonla");
        assertThat(certificates.mine()).extracting(IssuedCertificate::number).containsExactly(here.number());
        List<PaperCertificate> onPaper = certificates.minePaper();
        assertThat(onPaper).as("theirs only, newest first").extracting(PaperCertificate::number).containsExactly("21/GCN-VPĐP", "7/GCN-VPĐP");
        assertThat(onPaper).allMatch(c -> c.classId() == past).extracting(PaperCertificate::classCode).containsOnly("SL-2019-07");
        assertThat(onPaper.getFirst().revoked()).isTrue();
        assertThat(onPaper.getLast().revoked()).isFalse();
        assertThat(onPaper.getLast().verifyPath()).isEqualTo("/verify?q=7%2FGCN-VP%C4%90P");
        assertThat(get(onPaper.getLast().verifyPath()).body()).as("the link the trainee follows finds it")
                .contains("cấp bằng giấy ngày 20/03/2019").doesNotContain("THU HỒI");
        assertThat(get(onPaper.getFirst().verifyPath()).body()).contains("THU HỒI");

        TestData.signInAsAccount(jdbc, "hv.hatinh");
        assertThat(certificates.minePaper()).as("a trainee without a person record holds none").isEmpty();
    }

    @Test
    void classListInCsvAlsoListsItsPaperCertificatesAndSaysWhichIsRevokedAndWhen() throws Exception {
        long self = world.traineeOnTheClass(jdbc, persons);
        long past = pastClassWithPapers(self);
        PaperCertificate revoked = certificates.paperOfClass(past).stream().filter(PaperCertificate::revoked).findFirst().orElseThrow();
        String revokedOn = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                .format(revoked.revokedAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));

        TestData.signInAsAccount(jdbc, "dp.sonla");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        documents.writeCsv(past, out, key -> key);
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVParser.parse(
                out.toString(StandardCharsets.UTF_8).substring(1), org.apache.commons.csv.CSVFormat.DEFAULT).getRecords();
        assertThat(rows.getFirst().toList()).as("the columns readers know keep their place; the new ones come last").containsExactly(
                "certificate.csv.number", "certificate.csv.code", "certificate.csv.name", "certificate.csv.birthYear", "certificate.csv.unit",
                "certificate.csv.class", "certificate.csv.sessions", "certificate.csv.result", "certificate.csv.issuedOn",
                "certificate.csv.status", "certificate.csv.verifyUrl", "certificate.csv.kind", "certificate.csv.revokedOn");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0), r -> r.get(1), r -> r.get(5), r -> r.get(8), r -> r.get(9),
                r -> r.get(10), r -> r.get(11), r -> r.get(12)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("7/GCN-VPĐP", "", "SL-2019-07", "20/03/2019", "certificate.status.valid",
                        "https://ntm.example.vn/verify?q=7%2FGCN-VP%C4%90P", "certificate.csv.kind.paper", ""),
                org.assertj.core.groups.Tuple.tuple("8/GCN-VPĐP", "", "SL-2019-07", "20/03/2019", "certificate.status.valid",
                        "https://ntm.example.vn/verify?q=8%2FGCN-VP%C4%90P", "certificate.csv.kind.paper", ""),
                org.assertj.core.groups.Tuple.tuple("21/GCN-VPĐP", "", "SL-2019-07", "21/11/2019", "certificate.status.revoked",
                        "https://ntm.example.vn/verify?q=21%2FGCN-VP%C4%90P", "certificate.csv.kind.paper", revokedOn));

        // the class of this year: its certificates issued here say so in the new column, and only they are listed
        certificates.issue(world.classId, List.of(world.an), null);
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        documents.writeCsv(world.classId, current, key -> key);
        List<org.apache.commons.csv.CSVRecord> here = org.apache.commons.csv.CSVParser.parse(
                current.toString(StandardCharsets.UTF_8).substring(1), org.apache.commons.csv.CSVFormat.DEFAULT).getRecords();
        assertThat(here).hasSize(2);
        assertThat(here.get(1).get(11)).isEqualTo("certificate.csv.kind.portal");
        assertThat(here.get(1).get(12)).isEmpty();
    }

    /**
     * A 2019 class of Sơn La as the history import leaves it: the trainee's paper certificates 7/GCN-VPĐP (20/03/2019)
     * and 21/GCN-VPĐP (21/11/2019, revoked since by the coordinator), and An's 8/GCN-VPĐP. Returns the class's id.
     */
    private long pastClassWithPapers(long self) {
        TestData.signInAsAccount(jdbc, "dp.sonla");
        LocalDate start = LocalDate.of(2019, 3, 15);
        long past = classes.create(CertificateWorld.form("SL-2019-07", world.sonLa, start, List.of(), 75)).id();
        String sonLa = world.sonLa.path();
        transactions.executeWithoutResult(t -> paperCertificates.record(List.of(
                paper("7/GCN-VPĐP", LocalDate.of(2019, 3, 20), past, self, "Người hv.sonla", sonLa),
                paper("8/GCN-VPĐP", LocalDate.of(2019, 3, 20), past, world.an, "Nguyễn Văn An", sonLa),
                paper("21/GCN-VPĐP", LocalDate.of(2019, 11, 21), past, self, "Người hv.sonla", sonLa))));
        long wrong = certificates.paperOfClass(past).stream().filter(c -> c.number().equals("21/GCN-VPĐP")).findFirst().orElseThrow().id();
        certificates.revokePaper(wrong, "Nhập nhầm lớp");
        return past;
    }

    private static vn.ntm.portal.training.PaperCertificates.Paper paper(String number, LocalDate issuedOn, long classId, long personId,
                                                                       String name, String unitPath) {
        return new vn.ntm.portal.training.PaperCertificates.Paper(number, issuedOn, classId, personId, unitPath, name, 1980, "SL-2019-07",
                "Lớp tập huấn SL-2019-07", LocalDate.of(2019, 3, 15), LocalDate.of(2019, 3, 16));
    }

    private void assertRefused(long templateId, byte[] bytes, String key) {
        assertThatThrownBy(() -> templates.setSeal(templateId, bytes)).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("messageKey", key);
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Renders the PDF's page as a phone camera would see it, and reads the QR code on it. */
    static String qrOf(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            return new QRCodeReader().decode(bitmap).getText();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
