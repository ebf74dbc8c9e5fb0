package vn.ntm.portal.curriculum;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
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
import vn.ntm.portal.security.Role;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reported attack, through the screens: a commune coordinator creates a trainer account, and that trainer opens
 * the authoring page to withdraw a module of the national curriculum. Now they find nothing to edit, and the module's
 * address typed by hand is refused; the demo trainer named author of the 924 programme is offered that one only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CurriculumAuthorshipIT {

    private static final String PASSWORD = "Soanbai2026x";

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
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/playwright/curriculum-authorship.png")).setFullPage(true));
        context.close();
    }

    @Test
    void trainerCreatedByACommuneCoordinatorFindsNothingToEditAndCannotOpenANationalModule() {
        long camXuyen = jdbc.queryForObject("select id from administrative_unit where code = '18673'", Long.class);
        TestData.signInAsAccount(jdbc, "dieuphoi.camxuyen");
        try {
            accounts.create(new NewAccount("gv.camxuyen", "Giảng viên Cẩm Xuyên", null, null, Role.TRAINER, camXuyen, null, null, PASSWORD));
        } finally {
            SecurityContextHolder.clearContext();
        }
        long national = jdbc.queryForObject("select min(m.id) from curriculum_module m join curriculum_programme p"
                + " on p.id = m.programme_id where p.code = 'KCT-3360-2022' and m.status = 'PUBLISHED'", Long.class);
        BrowserSupport.signIn(page, url(""), "gv.camxuyen", PASSWORD);

        page.navigate(url("/curriculum-editor"));
        assertThat(page.locator("#editor-nothing")).isVisible();
        assertThat(page.locator("#new-programme")).hasCount(0);
        assertThat(page.locator("#publish-module")).hasCount(0);
        page.navigate(url("/curriculum-editor?module=" + national));
        assertThat(page.locator("[data-outcome='denied']")).isVisible();
        page.navigate(url("/lesson-editor/" + national));
        assertThat(page.locator("[data-outcome='denied']")).isVisible();

        assertThat(jdbc.queryForObject("select status from curriculum_module where id = ?", String.class, national)).isEqualTo("PUBLISHED");
    }

    @Test
    void demoTrainerIsOfferedTheProgrammeTheyAuthorOnly() {
        BrowserSupport.signIn(page, url(""), "giangvien", "Demo@2026");

        page.navigate(url("/curriculum-editor"));
        assertThat(page.locator("#editor-nothing")).isHidden();
        page.locator("#editor-programme").click();
        // the options shown (getByRole leaves out the hidden items of other selects on the page)
        assertThat(page.getByRole(AriaRole.OPTION)).hasCount(1);
        assertThat(page.getByRole(AriaRole.OPTION)).containsText("CDS-924-2022");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
