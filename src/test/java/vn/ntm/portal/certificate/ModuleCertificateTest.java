package vn.ntm.portal.certificate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.CurriculumTestData;
import vn.ntm.portal.curriculum.LessonSummary;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.curriculum.QuizQuestion;
import vn.ntm.portal.learning.LearningService;
import vn.ntm.portal.learning.QuizAttemptView;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Certificates of online modules: a learner who completes a module whose template says "automatically" receives one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "portal.public-url=https://ntm.example.vn")
class ModuleCertificateTest {

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
    CurriculumService curriculum;
    @Autowired
    LearningService learning;
    @Autowired
    PersonDirectory persons;
    @Autowired
    CertificateTemplates templates;
    @Autowired
    CertificateService certificates;
    @Autowired
    CertificateDocuments documents;

    ModuleSummary module;
    List<LessonSummary> lessons;

    @BeforeEach
    void setUp() {
        CertificateWorld.reset(jdbc);
        ViewTestData.load(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        var world = CurriculumTestData.programme(curriculum, "CDS-924", "Chuyển đổi số");
        module = CurriculumTestData.publishedModule(curriculum, world, "Dịch vụ công trực tuyến");
        lessons = curriculum.lessons(module.id());
        long account = jdbc.queryForObject("select id from account where username = 'hv.sonla'", Long.class);
        persons.forAccount(account, new PersonDetails("Lường Thị Mai", null, 1992, null, null, null, null, null, null));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void learnerWhoCompletesAModuleWithAnAutomaticTemplateGetsAVerifiableCertificate() throws Exception {
        templates.saveForModule(module.id(), CertificateWorld.template("VPĐP-TT", true), null);

        completeModule();

        TestData.signInAsAccount(jdbc, "hv.sonla");
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().untilAsserted(() -> assertThat(certificates.mine()).hasSize(1));
        IssuedCertificate c = certificates.mine().getFirst();
        assertThat(c.ofModule()).isTrue();
        assertThat(c.classId()).isNull();
        assertThat(c.moduleId()).isEqualTo(module.id());
        assertThat(c.classTitle()).isEqualTo("Dịch vụ công trực tuyến");
        assertThat(c.traineeName()).isEqualTo("Lường Thị Mai");
        assertThat(c.quizScore()).isEqualTo(100);
        assertThat(c.endDate()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        assertThat(c.number()).isEqualTo("1/GCN-VPĐP-TT");

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/verify/" + c.code())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Lường Thị Mai", "Dịch vụ công trực tuyến", "Hoàn thành học phần trực tuyến (điểm kiểm tra 100%)",
                "1/GCN-VPĐP-TT", "Còn hiệu lực").doesNotContain("()");

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        documents.writePdf(c.id(), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Dịch vụ công trực tuyến", "100%");
        }
    }

    @Test
    void learnersWhoCompletedBeforeTheModuleHadAnAutomaticTemplateReceiveTheirsWhenItGetsOne() throws Exception {
        completeModule();
        TestData.awaitEventsHandled(jdbc);
        TestData.signInAsAccount(jdbc, "hv.sonla");
        assertThat(certificates.mine()).isEmpty();

        TestData.signInAsAdmin();
        templates.saveForModule(module.id(), CertificateWorld.template("VPĐP-TT", true), null);

        TestData.signInAsAccount(jdbc, "hv.sonla");
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().untilAsserted(() -> assertThat(certificates.mine()).hasSize(1));
        IssuedCertificate c = certificates.mine().getFirst();
        assertThat(c.moduleId()).isEqualTo(module.id());
        assertThat(c.traineeName()).isEqualTo("Lường Thị Mai");
        assertThat(c.number()).isEqualTo("1/GCN-VPĐP-TT");
    }

    @Test
    void withoutATemplateCompletingAModuleIssuesNothing() {
        completeModule();
        TestData.awaitEventsHandled(jdbc);

        assertThat(jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where event_type like '%ModuleCompleted'"
                + " and listener_id like '%CompletionListeners%' and completion_date is not null", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from certificate", Integer.class)).isZero();
    }

    private void completeModule() {
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());
        learning.completeLesson(lessons.get(0).id());
        QuizAttemptView attempt = learning.startQuiz(lessons.get(2).id());
        Map<Long, Set<Integer>> answers = new HashMap<>();
        for (QuizQuestion q : attempt.questions()) {
            answers.put(q.id(), q.text().equals("Câu 1") ? Set.of(1) : Set.of(0, 2));
        }
        assertThat(learning.submitQuiz(attempt.attemptId(), answers).moduleCompleted()).isTrue();
        SecurityContextHolder.clearContext();
    }
}
