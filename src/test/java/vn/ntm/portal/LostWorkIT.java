package vn.ntm.portal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing a person typed is lost without them choosing it, in a real browser on a phone-sized screen: a wrong
 * password keeps the login name, a lesson being written is guarded against a reload, and the check-in field takes
 * the code as the board shows it ("119 167").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class LostWorkIT {

    private static final String PASSWORD = "Demo@2026";
    /** Whether the page would ask before unloading now: what a reload or closing the tab does. */
    private static final String WOULD_ASK = "() => { const e = new Event('beforeunload', {cancelable: true});"
            + " window.dispatchEvent(e); return e.defaultPrevented; }";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
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

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setHasTouch(true));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closePage() throws Exception {
        Files.createDirectories(Path.of("target/playwright"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/playwright/lost-work.png")).setFullPage(true));
        context.close();
    }

    @Test
    void wrongPasswordKeepsTheLoginName() {
        page.navigate(url("/login"));
        page.locator("input[name='username']").fill("giangvien");
        page.locator("input[name='password']").fill("not-the-password");
        page.locator("#sign-in").click();
        page.waitForURL(u -> u.contains("error"));

        assertThat(page.locator("input[name='username']")).hasValue("giangvien");
        assertThat(page.locator("input[name='password']")).hasValue("");
        // and signing in now takes only the password
        page.locator("input[name='password']").fill(PASSWORD);
        page.locator("#sign-in").click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    @Test
    void lessonEditorAsksBeforeAReloadDiscardsTypedText() {
        long[] lesson = jdbc.queryForObject("select l.module_id, l.id from curriculum_lesson l where l.kind = 'TEXT' and l.removed = false order by l.id limit 1",
                (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)});
        BrowserSupport.signIn(page, url(""), "admin", PASSWORD);
        page.navigate(url("/lesson-editor/" + lesson[0] + "/" + lesson[1]));
        assertThat(page.locator("#lesson-content-field[editor-ready]")).isAttached();
        assertThat(page.evaluate(WOULD_ASK)).isEqualTo(false);

        FrameLocator editor = page.frameLocator("#lesson-content-field iframe");
        editor.locator("body").click();
        page.keyboard().type("Đoạn mới chưa lưu. ");

        assertThat(page.evaluate(WOULD_ASK)).isEqualTo(true);
        // leaving inside the portal asks too, and staying keeps the text
        page.locator("#lesson-editor-back").click();
        assertThat(page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByText("Ở lại để lưu")).isVisible();
        page.getByText("Ở lại để lưu").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/lesson-editor/.*"));
        assertThat(editor.locator("body")).containsText("Đoạn mới chưa lưu.");
    }

    @Test
    void checkInCodeWithSpaceIsAccepted() {
        String ref = jdbc.queryForObject("select checkin_ref from class_session order by id limit 1", String.class);
        page.navigate(url("/checkin?s=" + ref));
        page.locator("#c").fill("119 167");
        assertThat(page.evaluate("() => document.querySelector('#c').validity.valid")).isEqualTo(true);
        page.locator("#c").fill("119-16");
        assertThat(page.evaluate("() => document.querySelector('#c').validity.patternMismatch")).isEqualTo(true);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
