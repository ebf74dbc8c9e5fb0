package vn.ntm.portal.security;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.RequestOptions;
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
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.NewAccount;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.SessionPart;
import vn.ntm.portal.training.SessionService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the whole table in {@code security/authorization-matrix.csv}: every page and endpoint, as every actor,
 * through the real HTTP stack (headless Chromium for pages, the same signed-in browser context for HTTP calls).
 * Any cell whose outcome differs from the table fails the test, and all differences are listed at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.checkin.opens-before-minutes=2880", "portal.checkin.closes-after-minutes=2880"})
@ActiveProfiles("demo")
class AuthorizationMatrixIT {

    private static final String PASSWORD = "Demo@2026";
    private static final String TRAINER_Y = "giangvien.matran.hatinh";
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    SessionService sessions;
    @Autowired
    vn.ntm.portal.learning.LearningService learning;

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
    void everyPageAndEndpointGivesEachActorExactlyTheOutcomeInTheTable() throws IOException {
        Map<String, String> ids = world();
        List<String[]> rows = table();
        String[] actors = rows.removeFirst();
        Map<String, String> logins = Map.of("trainee", "hocvien", "trainerX", "giangvien", "trainerY", TRAINER_Y,
                "coordinatorA", "dieuphoi.sonla", "coordinatorB", "dieuphoi.hatinh", "admin", "admin");
        List<String> differences = new ArrayList<>();
        int cells = 0;
        for (int column = 1; column < actors.length; column++) {
            String actor = actors[column];
            String login = logins.get(actor);
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
                Page page = context.newPage();
                page.setDefaultTimeout(30_000);
                if (login != null) {
                    signIn(page, login);
                }
                for (String[] row : rows) {
                    String target = resolve(row[0], ids);
                    String expected = row[column].strip();
                    String actual = target.startsWith("VIEW ")
                            ? openPage(page, target.substring(5))
                            : callEndpoint(context, login, target);
                    cells++;
                    if (!expected.equals(actual)) {
                        differences.add(row[0] + " as " + actor + ": expected " + expected + ", got " + actual);
                    }
                }
            }
        }
        assertThat(differences).as("cells that differ from the authorization matrix (" + cells + " checked)").isEmpty();
        assertThat(cells).isEqualTo(rows.size() * (actors.length - 1));
    }

    /** Class X is the demo class in Sơn La; class Y, its trainer and a session are made here in Hà Tĩnh. */
    private Map<String, String> world() {
        TestData.signInAsAccount(jdbc, "admin");
        try {
            long camXuyen = jdbc.queryForObject("select id from administrative_unit where code = '18673'", Long.class);
            long haTinh = jdbc.queryForObject("select id from administrative_unit where code = '42'", Long.class);
            if (jdbc.queryForObject("select count(*) from account where username = ?", Long.class, TRAINER_Y) == 0) {
                long trainerY = accounts.create(new NewAccount(TRAINER_Y, "Trần Văn Giảng", null, null, Role.TRAINER, haTinh, null, null,
                        PASSWORD)).id();
                LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
                long classY = classes.create(new ClassForm("HT-2026-MT-01", "Lớp ma trận quyền ở Hà Tĩnh", null, null, camXuyen, null,
                        OrganisingLevel.COMMUNE, null, DeliveryMode.IN_PERSON, "Hội trường xã Cẩm Xuyên", null, today, today, 30, null,
                        ClassStatus.RUNNING, 80, List.of(trainerY))).id();
                sessions.createBulk(classY, today, today, Set.of(SessionPart.MORNING));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        // the trainee is enrolled in the newest published module, nobody in the oldest
        long newest = jdbc.queryForObject("select max(id) from curriculum_module where status = 'PUBLISHED'", Long.class);
        TestData.signInAsAccount(jdbc, "hocvien");
        try {
            learning.enrol(newest);
        } catch (vn.ntm.portal.common.ValidationException alreadyEnrolled) {
            // a second run against the same database: the enrolment is there already
        } finally {
            SecurityContextHolder.clearContext();
        }
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("sonLa", id("select id from administrative_unit where code = '14'"));
        ids.put("haTinh", id("select id from administrative_unit where code = '42'"));
        ids.put("trainerY", id("select id from account where username = '" + TRAINER_Y + "'"));
        ids.put("classX", id("select id from training_class where code = 'SL-2026-CĐS-01'"));
        ids.put("classY", id("select id from training_class where code = 'HT-2026-MT-01'"));
        ids.put("sessionX", id("select min(s.id) from class_session s join training_class c on c.id = s.class_id where c.code = 'SL-2026-CĐS-01'"));
        // the check-in page and its QR code name a session by its unguessable reference; the id must not open it
        ids.put("sessionXRef", jdbc.queryForObject("select checkin_ref from class_session where id = ?", String.class,
                Long.parseLong(ids.get("sessionX"))));
        ids.put("sessionY", id("select min(s.id) from class_session s join training_class c on c.id = s.class_id where c.code = 'HT-2026-MT-01'"));
        ids.put("publishedModule", id("select min(id) from curriculum_module where status = 'PUBLISHED'"));
        ids.put("authoredModule", id("select min(m.id) from curriculum_module m join curriculum_programme p on p.id = m.programme_id"
                + " where p.code = 'CDS-924-2022'"));
        ids.put("lessonEnrolled", id("select min(id) from curriculum_lesson where module_id = " + newest));
        ids.put("lessonNotEnrolled", id("select min(l.id) from curriculum_lesson l join curriculum_module m on m.id = l.module_id"
                + " where m.status = 'PUBLISHED' and not exists (select 1 from learning_enrolment e where e.module_id = m.id)"));
        return ids;
    }

    private String id(String sql) {
        Long id = jdbc.queryForObject(sql, Long.class);
        assertThat(id).as(sql).isNotNull();
        return String.valueOf(id);
    }

    private static List<String[]> table() throws IOException {
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream("/security/authorization-matrix.csv")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.strip().split(","));
                }
            }
            return rows;
        }
    }

    private static String resolve(String target, Map<String, String> ids) {
        String resolved = target;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertThat(resolved).as("unknown placeholder in " + target).doesNotContain("{");
        return resolved;
    }

    private void signIn(Page page, String username) {
        BrowserSupport.signIn(page, url(""), username, PASSWORD);
    }

    /** Opens a page the way a person does (a full load of the address) and says what they got. */
    private String openPage(Page page, String path) {
        com.microsoft.playwright.Response response = page.navigate(url(path));
        page.waitForLoadState();
        if (page.url().contains("/login") && page.locator("#sign-in").count() > 0) {
            // the sign-in page is plain HTML, outside the UI
            return "LOGIN";
        }
        if (!(Boolean) page.evaluate("() => !!(window.Vaadin && window.Vaadin.Flow)")) {
            int status = response == null ? 0 : response.status();
            // the trainee's catalog, module and lesson pages are plain HTML outside the UI: a refusal page explains
            // itself (as the UI's views did); an opened one carries the way back to the portal
            if (page.locator("main [data-outcome]").count() > 0) {
                return "REFUSED";
            }
            if (status == 200 && page.locator("main").count() > 0 && page.locator("#nav-home").count() > 0) {
                return "ALLOW";
            }
            // not a portal page at all: a refusal by the server before any page code ran counts as DENY
            return status == 403 || status == 404 ? "DENY" : "HTTP" + status;
        }
        try {
            page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                    + " && Object.keys(window.Vaadin.Flow.clients).length > 0"
                    + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
        } catch (PlaywrightException e) {
            throw new AssertionError("Page " + path + " did not settle; at " + page.url() + "; html: " + page.content().substring(0, Math.min(3000, page.content().length())), e);
        }
        if (page.url().contains("/login")) {
            return "LOGIN";
        }
        if (page.locator("[data-outcome='denied'], [data-outcome='not-found']").count() > 0) {
            return "DENY";
        }
        if (page.locator("[data-outcome]").count() > 0) {
            return "REFUSED";
        }
        // an opened page sits in the portal's frame; anything else (a framework error page) is not an outcome we accept
        if (page.locator("vaadin-app-layout").count() > 0) {
            return "ALLOW";
        }
        String text = page.innerText("body").replaceAll("\\s+", " ");
        return "UNKNOWN (" + text.substring(0, Math.min(300, text.length())) + ")";
    }

    private String callEndpoint(BrowserContext context, String login, String target) {
        String method = target.substring(0, target.indexOf(' '));
        String path = target.substring(target.indexOf(' ') + 1);
        RequestOptions options = RequestOptions.create().setMethod(method).setMaxRedirects(0);
        if (login != null && (path.startsWith("/api/") || path.startsWith("/actuator/"))) {
            options.setHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((login + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (path.startsWith("/checkin") && method.equals("POST")) {
            options.setHeader("Content-Type", "application/x-www-form-urlencoded").setData("c=000000&id=0912345000");
        }
        if (path.startsWith("/api/") && method.equals("POST")) {
            options.setHeader("Content-Type", "application/json").setData("{\"code\":\"000000\",\"phone\":\"0912345000\"}");
        }
        APIResponse response = context.request().fetch(url(path), options);
        return String.valueOf(response.status());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
