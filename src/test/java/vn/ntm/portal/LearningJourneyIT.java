package vn.ntm.portal;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.LessonDraft;
import vn.ntm.portal.curriculum.LessonKind;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online-learning journey in a real browser on a 360 × 740 phone, against the demo data and the seeded curricula:
 * a trainee finds "Chuyển đổi số" typed without accents, enrols, reads the lessons, passes the quiz and sees the module
 * completed; their video lesson streams by byte ranges (to them, not to strangers); the coordinator of their province
 * sees the completion and exports it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class LearningJourneyIT {

    private static final String PASSWORD = "Demo@2026";
    private static final String MODULE = "Dịch vụ công trực tuyến: việc của cán bộ xã";
    /** A piece of each question of the module's quiz → its correct options (the quiz is shuffled). */
    private static final Map<String, List<String>> ANSWERS = Map.of(
            "toàn trình", List.of("Mọi bước từ nộp hồ sơ đến nhận kết quả đều thực hiện trên mạng"),
            "liên thông khai sinh", List.of("Đăng ký khai sinh", "Đăng ký thường trú", "Cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi"),
            "mã OTP", List.of("Sai"),
            "bị trả lại", List.of("Sai họ tên, ngày sinh, số định danh cá nhân"),
            "số hóa", List.of("Đúng"));

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    CurriculumService curriculum;
    @Autowired
    CatalogService catalog;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void startBrowser() {
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.chromium(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @AfterEach
    void closePage() throws Exception {
        Files.createDirectories(Path.of("target/playwright"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/playwright/learning-journey.png")));
        context.close();
    }

    @Test
    void traineeOnAPhoneFindsEnrolsLearnsAndCompletesAndTheCoordinatorExportsIt() throws Exception {
        long video = optionalVideoLesson();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true)
                .setHasTouch(true).setAcceptDownloads(true));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
        signIn("hocvien");

        page.navigate(url("/catalog"));
        // the catalog is a plain page: no UI framework to load on the phone
        assertThat(page.locator("script")).hasCount(0);
        page.locator("#catalog-search").fill("chuyen doi so");
        page.locator("#catalog-submit").click();
        Locator card = page.locator("#catalog-list h2 a").filter(new Locator.FilterOptions().setHasText(MODULE));
        assertThat(card).isVisible();
        assertThat(page.locator("#catalog-list a").filter(new Locator.FilterOptions().setHasText("OCOP"))).hasCount(0);
        assertThat(horizontalOverflow()).isFalse();
        card.click();

        page.locator("#enrol").click();
        page.locator("#resume").click();
        assertThat(page.locator("#lesson-content")).containsText("Dịch vụ công trực tuyến là gì?");
        assertThat(horizontalOverflow()).isFalse();
        page.locator("#lesson-done").click();
        assertThat(page.locator("#lesson-title")).hasText("Hướng dẫn người dân làm thủ tục trực tuyến");
        page.locator("#lesson-done").click();
        assertThat(page.locator("#lesson-title")).hasText("Kiểm tra: dịch vụ công trực tuyến");

        page.locator("#quiz-start").click();
        Locator questions = page.locator(".quiz-question");
        assertThat(questions).hasCount(5);
        for (int i = 0; i < 5; i++) {
            Locator question = questions.nth(i);
            String text = question.innerText();
            List<String> answers = ANSWERS.entrySet().stream().filter(e -> text.contains(e.getKey()))
                    .findFirst().orElseThrow(() -> new AssertionError("unexpected question: " + text)).getValue();
            for (String answer : answers) {
                question.getByText(answer, new Locator.GetByTextOptions().setExact(true)).click();
            }
        }
        // every question wraps over as many lines as it needs on the phone
        assertThat(horizontalOverflow()).isFalse();
        page.locator("#quiz-submit").click();

        assertThat(page.locator("#quiz-verdict")).hasText("Đạt");
        assertThat(page.locator("#quiz-rules")).containsText("Số lần làm còn lại");
        assertThat(page.locator("#module-completed-now")).isVisible();
        page.navigate(url("/my-learning"));
        assertThat(page.locator(".my-learning-status").first()).containsText("Hoàn thành ngày");

        APIResponse part = page.request().get(url("/files/lessons/" + video), RequestOptions.create().setHeader("Range", "bytes=4-11"));
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.headers()).containsEntry("content-range", "bytes 4-11/" + VIDEO.length);
        assertThat(new String(part.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("ftypisom");
        APIRequestContext stranger = playwright.request().newContext();
        try {
            assertThat(stranger.get(url("/files/lessons/" + video), RequestOptions.create().setMaxRedirects(0)).status())
                    .isNotIn(200, 206);
        } finally {
            stranger.dispose();
        }

        context.clearCookies();
        signIn("dieuphoi.sonla");
        page.navigate(url("/learning-report"));
        Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(MODULE));
        assertThat(row).isVisible();
        Download download = page.waitForDownload(() -> page.locator("#export-xlsx").click());
        byte[] xlsx = Files.readAllBytes(download.path());
        assertThat(new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }

    /** A small MP4 on an optional video lesson of the module, to check streaming by ranges. */
    private long optionalVideoLesson() {
        SecurityContext previous = SecurityContextHolder.getContext();
        PortalUser admin = new PortalUser(0, "it-admin", "IT", Role.ADMIN, null, null, true, null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            ModuleSummary module = catalog.search(null, null, MODULE, 0, 1).getFirst();
            long lesson = curriculum.saveLesson(module.id(), null, new LessonDraft(LessonKind.VIDEO, "Video minh họa", false, null,
                    null, null, false, null, List.of(), null)).id();
            curriculum.attachFile(lesson, "video.mp4", VIDEO);
            return lesson;
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** A real six-second MP4: the server reads a video's running time from the file and refuses one it cannot read. */
    private static final byte[] VIDEO = vn.ntm.portal.curriculum.CurriculumTestData.media("bai-giang.mp4");

    private void signIn(String username) {
        BrowserSupport.signIn(page, url(""), username, PASSWORD);
    }

    private boolean horizontalOverflow() {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
