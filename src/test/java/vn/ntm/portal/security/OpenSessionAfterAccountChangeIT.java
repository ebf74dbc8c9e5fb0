package vn.ntm.portal.security;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import vn.ntm.portal.BrowserSupport;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.NewAccount;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Defect: an account disabled or moved to another unit kept its open session and its old scope. Now a coordinator
 * signed in in Chromium is disabled (or moved) by an administrator, and their next click lands on the sign-in page;
 * signed in again, a moved coordinator sees their new unit only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class OpenSessionAfterAccountChangeIT {

    private static final String PASSWORD = "Phien2026x";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
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
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closePage() throws Exception {
        Files.createDirectories(Path.of("target/playwright"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/playwright/open-session.png")).setFullPage(true));
        context.close();
    }

    @Test
    void coordinatorDisabledWhileSignedInLandsOnTheSignInPageAtTheNextClick() {
        long id = coordinator("dieuphoi.tam", "14");
        signIn("dieuphoi.tam");
        page.navigate(url("/accounts"));
        assertThat(cell("Lò Thị Mai")).isVisible();

        asAdmin(() -> accounts.setEnabled(id, false));
        navigateByMenu("Lớp tập huấn");

        page.waitForURL(u -> u.contains("/login"));
        assertThat(page.locator("#sign-in")).isVisible();
        page.navigate(url("/accounts"));
        page.waitForURL(u -> u.contains("/login"));
    }

    @Test
    void coordinatorMovedToAnotherProvinceWhileSignedInLosesTheOldScopeAtTheNextClick() {
        long id = coordinator("dieuphoi.chuyen", "14");
        signIn("dieuphoi.chuyen");
        page.navigate(url("/accounts"));
        assertThat(cell("Lò Thị Mai")).isVisible();

        long haTinh = jdbc.queryForObject("select id from administrative_unit where code = '42'", Long.class);
        asAdmin(() -> accounts.assignUnit(id, haTinh));
        navigateByMenu("Lớp tập huấn");

        page.waitForURL(u -> u.contains("/login"));
        signIn("dieuphoi.chuyen");
        page.navigate(url("/accounts"));
        assertThat(cell("Trần Văn Hà")).isVisible();
        assertThat(cell("Lò Thị Mai")).hasCount(0);
    }

    /** A client-side navigation, as a person clicks the menu: a request of the Vaadin client, not a page load. */
    private void navigateByMenu(String label) {
        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText(label)).first().click();
    }

    private Locator cell(String text) {
        return page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(text));
    }

    private long coordinator(String username, String unitCode) {
        long unit = jdbc.queryForObject("select id from administrative_unit where code = ?", Long.class, unitCode);
        long[] id = new long[1];
        asAdmin(() -> id[0] = accounts.create(new NewAccount(username, "Điều phối " + username, null, null, Role.COORDINATOR, unit,
                null, null, PASSWORD)).id());
        return id[0];
    }

    private void asAdmin(Runnable work) {
        TestData.signInAsAccount(jdbc, "admin");
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void signIn(String username) {
        BrowserSupport.signIn(page, url(""), username, PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
