package vn.ntm.portal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.LessonDraft;
import vn.ntm.portal.curriculum.ModuleDraft;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WYSIWYG lesson editor in a real browser: an administrator formats text with TinyMCE's toolbar (labelled in
 * Vietnamese), a forged request adds script, handlers and a frame, the lesson is saved; the trainee then sees the
 * formatted text, and nothing of what was forged runs or even reaches the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class LessonEditorIT {

    private static final String PASSWORD = "Demo@2026";
    private static final String FORGED = "<p><img src=\"x\" onerror=\"window.__xss = 1\"></p><script>window.__xss = 2</script>"
            + "<iframe src=\"javascript:parent.__xss = 3\"></iframe><p><a href=\"javascript:window.__xss = 4\" id=\"bad\">bấm</a>"
            + "<svg onload=\"window.__xss = 5\"></svg></p>";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    CurriculumService curriculum;
    @Autowired
    JdbcTemplate jdbc;
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
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/playwright/lesson-editor.png")).setFullPage(true));
        context.close();
    }

    @Test
    void authorFormatsALessonInTheEditorAndTheTraineeSeesItWithoutAnyScriptRunning() {
        String title = "Soạn thảo trực quan " + System.nanoTime();
        long[] ids = asAdmin(() -> {
            long topic = curriculum.topics(curriculum.programmes().getFirst().id()).getFirst().id();
            ModuleSummary module = curriculum.createModule(new ModuleDraft(topic, title, null, Set.of(TraineeLevel.values())));
            long lesson = curriculum.saveLesson(module.id(), null, LessonDraft.text("Bài đọc", true, "<p>Bản cũ</p>")).id();
            curriculum.publish(module.id());
            return new long[]{module.id(), lesson};
        });
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1024, 900));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
        signIn("admin");

        page.navigate(url("/lesson-editor/" + ids[0] + "/" + ids[1]));
        assertThat(page.locator("#lesson-content-field[editor-ready]")).isAttached();
        FrameLocator editor = page.frameLocator("#lesson-content-field iframe");
        editor.locator("body").click();
        page.keyboard().press("Control+A");
        page.keyboard().type("Người dân nộp hồ sơ ");
        page.locator("button[aria-label='Đậm']").click();
        page.keyboard().type("trực tuyến");
        assertThat(editor.locator("body strong")).hasText("trực tuyến");
        page.locator("#lesson-title-field input").click();
        // what a forged request could send instead of what the editor produced
        page.evaluate("forged => { const host = document.querySelector('#lesson-content-field');"
                + " host.dispatchEvent(new CustomEvent('html-change', {detail: tinymce.activeEditor.getContent() + forged})); }", FORGED);
        page.locator("#save-lesson").click();
        page.waitForURL(u -> u.contains("/curriculum-editor"));

        String stored = jdbc.queryForObject("select content from curriculum_lesson where id = ?", String.class, ids[1]);
        assertThat(stored).contains("Người dân nộp hồ sơ", "<strong>trực tuyến</strong>", "<img src=\"x\" />")
                .doesNotContain("onerror", "<script", "<iframe", "javascript:", "<svg", "Bản cũ");

        context.clearCookies();
        signIn("hocvien");
        page.navigate(url("/module/" + ids[0]));
        page.locator("#enrol").click();
        page.locator("#resume").click();
        assertThat(page.locator("#lesson-content strong")).hasText("trực tuyến");
        assertThat(page.locator("#lesson-content")).containsText("Người dân nộp hồ sơ");
        assertThat(page.locator("#lesson-content img")).hasCount(1);
        assertThat(page.locator("#lesson-content script, #lesson-content iframe, #lesson-content svg, #lesson-content [onerror]"))
                .hasCount(0);
        page.waitForTimeout(500);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
    }

    private <T> T asAdmin(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        PortalUser admin = new PortalUser(0, "it-admin", "IT", Role.ADMIN, null, null, true, null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void signIn(String username) {
        BrowserSupport.signIn(page, url(""), username, PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
