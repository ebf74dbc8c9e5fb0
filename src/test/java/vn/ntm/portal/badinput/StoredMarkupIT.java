package vn.ntm.portal.badinput;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import vn.ntm.portal.BrowserSupport;
import vn.ntm.portal.TestData;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionPart;
import vn.ntm.portal.training.SessionService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markup typed into a class title, a venue and a trainee's name is shown back as text on every page that shows it,
 * in a real browser: no script of the payloads ever runs ({@code window.__xss} stays undefined).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.checkin.opens-before-minutes=2880", "portal.checkin.closes-after-minutes=2880"})
@ActiveProfiles("demo")
class StoredMarkupIT {

    private static final String TITLE = "<img src=x onerror=\"window.__xss=1\">Lớp thử";
    private static final String NAME = "<script>window.__xss=1</script>";
    private static final String VENUE = "<svg onload=window.__xss=1>";
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ClassService classes;
    @Autowired
    SessionService sessions;
    @Autowired
    RosterService roster;

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

    @Test
    void markupStoredInClassesAndRostersNeverRunsWhereverItIsShown() {
        long classId;
        long sessionId;
        TestData.signInAsAccount(jdbc, "admin");
        try {
            long muongChien = jdbc.queryForObject("select id from administrative_unit where code = '03688'", Long.class);
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
            classId = classes.create(new ClassForm("SL-XSS-" + System.nanoTime() % 100000, TITLE, NAME, VENUE, muongChien, null,
                    OrganisingLevel.COMMUNE, VENUE, DeliveryMode.IN_PERSON, VENUE, null, today, today, 30, null, ClassStatus.RUNNING, 80,
                    List.of())).id();
            sessionId = sessions.createBulk(classId, today, today, Set.of(SessionPart.MORNING)).getFirst().id();
            roster.add(classId, new PersonDetails(NAME, null, 1990, "0987000111", null, muongChien, VENUE, null, TITLE));
        } finally {
            SecurityContextHolder.clearContext();
        }

        List<String> ran = new ArrayList<>();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.onDialog(dialog -> {
                ran.add("dialog: " + dialog.message());
                dialog.dismiss();
            });
            page.navigate(url("/checkin?s=" + jdbc.queryForObject("select checkin_ref from class_session where id = ?", String.class, sessionId)));
            assertThat(page.locator("body").innerText()).contains(TITLE);
            assertThat(page.evaluate("() => window.__xss")).isNull();

            BrowserSupport.signIn(page, url(""), "admin", "Demo@2026");

            for (String path : List.of("/classes", "/classes/" + classId, "/persons", "/audit", "/sessions/check-in/" + sessionId)) {
                page.navigate(url(path));
                page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
                if (path.equals("/classes/" + classId)) {
                    page.getByText("Danh sách học viên").first().click();
                    page.getByText(NAME).first().waitFor();
                }
                if (path.equals("/classes")) {
                    page.getByText(TITLE).first().waitFor();
                }
                if (page.evaluate("() => window.__xss") != null) {
                    ran.add(path);
                }
            }
        }
        assertThat(ran).as("pages where a stored payload ran").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
