package vn.ntm.portal.learning.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.SettableClock;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.CurriculumTestData;
import vn.ntm.portal.curriculum.LessonDraft;
import vn.ntm.portal.curriculum.LessonSummary;
import vn.ntm.portal.curriculum.ModuleAudience;
import vn.ntm.portal.curriculum.ModuleDraft;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trainee's catalog, module and lesson pages are plain HTML of a few kilobytes (no UI framework), so that they
 * open at once on a cheap phone over 3G; walked here through the real HTTP stack as a browser would, signed in by
 * the sign-in form, every action a form post carrying the form token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the settable clock in every plain web test, so that they share one application context
@Import(SettableClock.Config.class)
class TraineePlainPagesTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern QUIZ_FORM = Pattern.compile("id=\"quiz-form\" method=\"post\" action=\"([^\"]+)\"");

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

    ModuleSummary digital;
    ModuleSummary tourism;
    ModuleSummary forSonLa;
    ModuleSummary draft;
    List<LessonSummary> lessons;
    HttpClient browser;
    CookieManager cookies;

    @BeforeEach
    void world() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        var digitalProgramme = CurriculumTestData.programme(curriculum, "CDS-924", "Chuyển đổi số trong xây dựng nông thôn mới");
        var tourismProgramme = CurriculumTestData.programme(curriculum, "DLCD-703", "Du lịch cộng đồng");
        digital = CurriculumTestData.publishedModule(curriculum, digitalProgramme, "Dịch vụ công trực tuyến", TraineeLevel.COMMUNE_OFFICIAL);
        tourism = CurriculumTestData.publishedModule(curriculum, tourismProgramme, "Đón khách tại nhà dân", TraineeLevel.RESIDENT);
        curriculum.saveLesson(digital.id(), curriculum.lessons(digital.id()).getFirst().id(),
                LessonDraft.text("Bài 1", true, "<h2>Bài 1</h2><p><b>Nội dung</b><script>alert(1)</script> <img src=x onerror=alert(2)></p>"));
        lessons = curriculum.lessons(digital.id());
        ModuleSummary sonLaOnly = CurriculumTestData.publishedModule(curriculum, tourismProgramme, "Chợ nông sản số Sơn La");
        forSonLa = curriculum.updateModule(sonLaOnly.id(), new ModuleDraft(sonLaOnly.topicId(), sonLaOnly.title(), sonLaOnly.summary(),
                sonLaOnly.levels(), ModuleAudience.UNITS, Set.of(units.findByCode("14").orElseThrow().id())));
        draft = curriculum.createModule(new ModuleDraft(digitalProgramme.topic().id(), "Bản nháp", null, Set.of(TraineeLevel.RESIDENT)));
        SecurityContextHolder.clearContext();
        cookies = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void traineeTypesChuyenDoiSoWithoutAccentsAndFindsTheDigitalModuleOnAPageOfAFewKilobytes() throws Exception {
        signIn("hv.sonla");

        HttpResponse<String> all = get("/catalog");
        HttpResponse<String> found = get("/catalog?q=" + URLEncoder.encode("chuyen doi so", StandardCharsets.UTF_8));

        assertThat(all.body()).contains("Dịch vụ công trực tuyến", "Đón khách tại nhà dân", "Chợ nông sản số Sơn La")
                .doesNotContain("Bản nháp");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).startsWith("<!doctype html><html lang=\"vi\"").contains("<main>", "1 học phần",
                "Dịch vụ công trực tuyến", "value=\"chuyen doi so\"", "for=\"catalog-search\"").doesNotContain("Đón khách", "<script", "catalog.");
        assertThat(found.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(12_000);
        // no framework script, and no inline script could run if one were ever injected
        assertThat(found.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'; script-src 'self';");
    }

    @Test
    void residentFiltersTheCatalogByTheirLevel() throws Exception {
        signIn("hv.hatinh");

        String page = get("/catalog?level=RESIDENT").body();

        assertThat(page).contains(">Đón khách tại nhà dân</a></h2>", "<option value=\"RESIDENT\" selected>Người dân</option>")
                .doesNotContain(">Dịch vụ công trực tuyến</a></h2>");
    }

    @Test
    void traineeEnrolsFromTheCatalogAndIsShownWhereToStart() throws Exception {
        signIn("hv.sonla");
        String catalog = get("/catalog").body();
        assertThat(catalog).contains("id=\"enrol-" + digital.id() + "\"");

        HttpResponse<String> enrolled = post("/module/" + digital.id() + "/enrol", token(catalog), "");

        assertThat(enrolled.statusCode()).isEqualTo(303);
        String module = get(enrolled.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", "")).body();
        assertThat(module).contains("Bạn đã ghi danh. Chúc bạn học tốt!", "Đã xong 0/2 bài bắt buộc", "id=\"resume\"", "Bắt đầu học")
                .doesNotContain("id=\"enrol\"");
        assertThat(count("select count(*) from learning_enrolment")).isEqualTo(1);
        // back in the catalog the module offers "start" where "enrol" was
        assertThat(get("/catalog").body()).contains("id=\"continue-" + digital.id() + "\"").doesNotContain("id=\"enrol-" + digital.id() + "\"");
    }

    @Test
    void anEnrolmentPostedWithoutTheFormTokenIsRefusedAndEnrolsNobody() throws Exception {
        signIn("hv.sonla");

        HttpResponse<String> forged = post("/module/" + digital.id() + "/enrol", null, "");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from learning_enrolment")).isZero();
    }

    @Test
    void traineeReadsALessonWhoseTextCannotCarryScriptAndGoesOnToTheNext() throws Exception {
        signIn("hv.sonla");
        enrol(digital);

        HttpResponse<String> lesson = get("/lesson/" + lessons.get(0).id());
        assertThat(lesson.statusCode()).isEqualTo(200);
        assertThat(lesson.body()).contains("id=\"lesson-title\">Bài 1<", "<h2>Bài 1</h2>", "<b>Nội dung</b>", "Tôi đã đọc xong")
                .doesNotContain("alert(1)", "onerror", "<script");

        HttpResponse<String> done = post("/lesson/" + lessons.get(0).id() + "/done", token(lesson.body()), "");

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/lesson/" + lessons.get(1).id());
        assertThat(get("/module/" + digital.id()).body()).contains("Đã xong 1/2 bài bắt buộc");
    }

    @Test
    void traineeTakesTheQuizSeesTheAttemptsLeftDropThenPassesAndCompletesTheModule() throws Exception {
        signIn("hv.sonla");
        enrol(digital);
        String first = get("/lesson/" + lessons.get(0).id()).body();
        post("/lesson/" + lessons.get(0).id() + "/done", token(first), "");
        long quiz = lessons.get(2).id();
        String before = get("/lesson/" + quiz).body();
        assertThat(before).contains("2 câu hỏi, cần đạt 50% để qua. Số lần làm còn lại: 2.", "id=\"quiz-start\"");

        // a wrong answer: the count drops at once, and the trainee may try again or go back to the module
        String questions = post("/lesson/" + quiz + "/quiz", token(before), "").body();
        // the quiz is shuffled: the questions come in this attempt's order, each as a group of choices
        assertThat(questions).containsPattern("<legend>Câu [12]\\. Câu 1</legend>")
                .containsPattern("<legend>Câu [12]\\. Câu 2 \\(chọn tất cả đáp án đúng\\)</legend>")
                .contains("type=\"radio\"", "type=\"checkbox\"");
        String failed = post(action(questions), token(questions), answer(questions, "Câu 1", "A")).body();

        assertThat(failed).contains("id=\"quiz-verdict\" class=\"badge bad\">Chưa đạt", "Số lần làm còn lại: 1.",
                "Bạn còn 1 lần làm bài.", "id=\"quiz-again\"", "id=\"quiz-back-to-module\"");
        assertThat(count("select count(*) from learning_quiz_attempt where submitted_at is not null")).isEqualTo(1);

        String again = post("/lesson/" + quiz + "/quiz", token(failed), "").body();
        String passed = post(action(again), token(again), answer(again, "Câu 1", "B") + "&" + answer(again, "Câu 2", "X")
                + "&" + answer(again, "Câu 2", "Z")).body();

        assertThat(passed).contains(">Đạt<", "Điểm: 100%", "Chúc mừng! Bạn đã hoàn thành học phần.", "Số lần làm còn lại: 0.")
                .doesNotContain("id=\"quiz-again\"");
        // the quiz was the module's last lesson: the way on is back to the module, offered as the main action
        assertThat(passed).doesNotContain("id=\"quiz-next-lesson\"").contains("id=\"quiz-back-to-module\" href=\"module/" + digital.id() + "\" data-primary");
        assertThat(count("select count(*) from learning_enrolment where completed_on is not null")).isEqualTo(1);
        // the same answers posted twice change nothing
        assertThat(post(action(again), token(again), answer(again, "Câu 1", "B")).body()).contains("không thể nộp lại");
    }

    @Test
    void aTraineeOutsideAModulesUnitsIsRefusedInTheirLanguageAndDoesNotFindIt() throws Exception {
        signIn("hv.hatinh");

        HttpResponse<String> module = get("/module/" + forSonLa.id());
        HttpResponse<String> enrol = post("/module/" + forSonLa.id() + "/enrol", token(get("/catalog").body()), "");

        assertThat(module.statusCode()).isEqualTo(403);
        assertThat(module.body()).contains("lang=\"vi\"", "id=\"module-error\"", "Học phần này chỉ dành cho học viên của đơn vị được giao học")
                .doesNotContain("Chợ nông sản số Sơn La", "Exception");
        assertThat(enrol.statusCode()).isEqualTo(403);
        assertThat(get("/catalog").body()).doesNotContain("Chợ nông sản số Sơn La");
        assertThat(count("select count(*) from learning_enrolment")).isZero();
    }

    @Test
    void aLessonOfAModuleNotEnrolledInADraftAndAnUnknownAddressAreRefusedWithAClearPage() throws Exception {
        signIn("hv.sonla");

        HttpResponse<String> notEnrolled = get("/lesson/" + lessons.get(0).id());
        HttpResponse<String> draftModule = get("/module/" + draft.id());
        HttpResponse<String> unknown = get("/lesson/999999999");
        HttpResponse<String> nonsense = get("/module/abc");

        assertThat(notEnrolled.statusCode()).isEqualTo(403);
        assertThat(notEnrolled.body()).contains("Bạn cần ghi danh học phần trước khi học bài này.").doesNotContain("Nội dung");
        assertThat(draftModule.statusCode()).isEqualTo(403);
        assertThat(draftModule.body()).contains("Học phần này đang được soạn, chưa mở cho học viên.");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Không tìm thấy bài học.", "<main>");
        assertThat(nonsense.statusCode()).isEqualTo(404);
    }

    @Test
    void anEnglishReaderGetsTheLearningPagesInEnglish() throws Exception {
        signIn("hv.sonla");
        cookies.getCookieStore().add(URI.create("http://localhost:" + port), english());

        String catalog = get("/catalog").body();
        HttpResponse<String> refused = get("/lesson/" + lessons.get(0).id());

        assertThat(catalog).startsWith("<!doctype html><html lang=\"en\"").contains("Search modules", "My learning");
        assertThat(refused.body()).contains("lang=\"en\"").doesNotContain("Bạn cần ghi danh");
    }

    @Test
    void someoneNotSignedInIsSentToTheSignInPage() throws Exception {
        for (String path : List.of("/catalog", "/module/" + digital.id(), "/lesson/" + lessons.get(0).id())) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
        }
    }

    private HttpCookie english() {
        HttpCookie cookie = new HttpCookie("portal-lang", "en");
        cookie.setPath("/");
        cookie.setVersion(0);
        return cookie;
    }

    private void enrol(ModuleSummary module) throws Exception {
        String page = get("/module/" + module.id()).body();
        assertThat(post("/module/" + module.id() + "/enrol", token(page), "").statusCode()).isEqualTo(303);
    }

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("the page carries a form token").isTrue();
        return m.group(1);
    }

    private static String action(String page) {
        Matcher m = QUIZ_FORM.matcher(page);
        assertThat(m.find()).as("the page shows the quiz form").isTrue();
        return "/" + m.group(1);
    }

    /** The form field for choosing the option with this text in the question with this text. */
    private static String answer(String page, String question, String option) {
        Matcher legend = Pattern.compile("<legend>Câu [0-9]+\\. " + Pattern.quote(question) + "( \\([^<]*\\))?</legend>").matcher(page);
        assertThat(legend.find()).as("the page asks " + question).isTrue();
        String fieldset = page.substring(legend.end(), page.indexOf("</fieldset>", legend.end()));
        Matcher m = Pattern.compile("name=\"(q[0-9]+)\" value=\"([0-9]+)\"[^>]*><span>" + Pattern.quote(option) + "</span>").matcher(fieldset);
        assertThat(m.find()).as(question + " offers " + option).isTrue();
        return m.group(1) + "=" + m.group(2);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String form) throws Exception {
        String body = (token == null ? "" : "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)) + (form.isEmpty() ? "" : "&" + form);
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://localhost:" + port)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void signIn(String login) throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://localhost:" + port)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + login + "&password=" + ViewTestData.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }
}
