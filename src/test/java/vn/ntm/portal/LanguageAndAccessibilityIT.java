package vn.ntm.portal;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.learning.LearningService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every page each role may open, in Vietnamese (the default, with a browser that asks for English as most phones
 * do), and lists at once every place where a person would meet English, a raw translation key, a page title that is a
 * key, a document not marked {@code lang="vi"}, or an axe-core violation of impact serious or critical (WCAG 2.2 A/AA and
 * best practices). The pages are those of {@code security/authorization-matrix.csv} the role is allowed to open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.checkin.opens-before-minutes=2880", "portal.checkin.closes-after-minutes=2880"})
@ActiveProfiles("demo")
class LanguageAndAccessibilityIT {

    private static final String PASSWORD = "Demo@2026";
    /** Matrix column of each role walked here, and its demo account (null: not signed in). */
    private static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("anonymous", null);
        ROLES.put("trainee", "hocvien");
        ROLES.put("trainerX", "giangvien");
        ROLES.put("coordinatorA", "dieuphoi.sonla");
        ROLES.put("admin", "admin");
    }

    /**
     * English a Vietnamese page must never show: the built-in texts of Vaadin's components and of the editor, the
     * framework's system messages, and enum names. Whole words, case-sensitive, so Vietnamese data does not trip them.
     */
    static final List<String> ENGLISH = List.of("Upload", "Drop file", "Drop files", "Connection lost", "reconnect",
            "Cancel", "Search", "Loading", "Heading", "Paragraph", "PRESENT", "ABSENT", "MANUAL", "SELF_CHECK_IN", "Select",
            "Clear", "Today", "No items", "Close", "Session Expired", "Cookies disabled", "click here", "Remove", "Retry",
            "Submit", "Sign in", "Log in", "Username", "Password", "Forgot password", "Toggle", "Online", "Offline",
            "Next", "Previous", "Back", "Save", "Delete", "Edit", "Open", "Menu", "Home", "Week", "Loading...",
            "Something went wrong", "Internal error", "Page not found", "Could not navigate", "Error", "File", "Format",
            "Insert", "Bold", "Italic", "Undo", "Redo", "words", "Powered by");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LearningService learning;

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
    void everyPageOfEveryRoleSpeaksVietnameseAndHasNoSeriousAccessibilityViolation() throws IOException {
        Map<String, String> ids = world();
        List<String[]> rows = matrix();
        String[] actors = rows.removeFirst();
        Set<String> keys = translationKeys();
        List<String> findings = new ArrayList<>();
        int pages = 0;
        for (Map.Entry<String, String> role : ROLES.entrySet()) {
            int column = List.of(actors).indexOf(role.getKey());
            assertThat(column).as("matrix column " + role.getKey()).isPositive();
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 900).setLocale("en-US"))) {
                Page page = context.newPage();
                page.setDefaultTimeout(30_000);
                List<String> paths = new ArrayList<>();
                if (role.getValue() == null) {
                    paths.addAll(List.of("/login", "/register", "/checkin?s=" + ids.get("sessionXRef")));
                } else {
                    BrowserSupport.signIn(page, url(""), role.getValue(), PASSWORD);
                    for (String[] row : rows) {
                        String outcome = row[column].strip();
                        String path = resolve(row[0], ids);
                        if (path != null && (outcome.equals("ALLOW") || outcome.equals("REFUSED")
                                || path.equals("/no-such-page"))) {
                            paths.add(path);
                        }
                    }
                }
                for (String path : paths) {
                    open(page, path);
                    pages++;
                    for (String problem : check(page, keys)) {
                        findings.add(path + " as " + role.getKey() + ": " + problem);
                    }
                }
            }
        }
        assertThat(findings).as("English, raw keys or accessibility violations on Vietnamese pages (" + pages + " pages)")
                .isEmpty();
        assertThat(pages).isGreaterThan(60);
    }

    /** The demo data plus the trainee enrolled in the newest published module, so that a lesson opens. */
    private Map<String, String> world() {
        long newest = jdbc.queryForObject("select max(id) from curriculum_module where status = 'PUBLISHED'", Long.class);
        TestData.signInAsAccount(jdbc, "hocvien");
        try {
            learning.enrol(newest);
        } catch (ValidationException alreadyEnrolled) {
            // enrolled by an earlier run against the same database
        } finally {
            SecurityContextHolder.clearContext();
        }
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("classX", id("select id from training_class where code = 'SL-2026-CĐS-01'"));
        ids.put("sessionX", id("select min(s.id) from class_session s join training_class c on c.id = s.class_id"
                + " where c.code = 'SL-2026-CĐS-01'"));
        ids.put("sessionXRef", jdbc.queryForObject("select checkin_ref from class_session where id = ?", String.class,
                Long.parseLong(ids.get("sessionX"))));
        ids.put("publishedModule", id("select min(id) from curriculum_module where status = 'PUBLISHED'"));
        ids.put("authoredModule", id("select min(m.id) from curriculum_module m join curriculum_programme p"
                + " on p.id = m.programme_id where p.code = 'CDS-924-2022'"));
        ids.put("lessonEnrolled", id("select min(id) from curriculum_lesson where module_id = " + newest));
        return ids;
    }

    private String id(String sql) {
        return String.valueOf(jdbc.queryForObject(sql, Long.class));
    }

    private static List<String[]> matrix() throws IOException {
        try (InputStream in = LanguageAndAccessibilityIT.class.getResourceAsStream("/security/authorization-matrix.csv")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#") && (rows.isEmpty() || line.startsWith("VIEW "))) {
                    rows.add(line.strip().split(","));
                }
            }
            return rows;
        }
    }

    /** The page's path with the world's ids, or null when the row names something this world does not have. */
    private static String resolve(String target, Map<String, String> ids) {
        String resolved = target.substring("VIEW ".length());
        for (Map.Entry<String, String> id : ids.entrySet()) {
            resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
        }
        return resolved.contains("{") ? null : resolved;
    }

    static Set<String> translationKeys() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = LanguageAndAccessibilityIT.class.getResourceAsStream("/vaadin-i18n/translations.properties")) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }

    private void open(Page page, String path) {
        page.navigate(url(path));
        page.waitForLoadState();
        if ((Boolean) page.evaluate("() => !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)")) {
            try {
                page.waitForFunction("() => Object.keys(window.Vaadin.Flow.clients).length > 0"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
            } catch (PlaywrightException e) {
                throw new AssertionError("Page " + path + " did not settle", e);
            }
        }
        page.waitForTimeout(300);
    }

    /** Everything wrong with the page as it shows now. */
    static List<String> check(Page page, Set<String> keys) {
        List<String> problems = new ArrayList<>();
        Object lang = page.evaluate("() => document.documentElement.lang");
        if (!"vi".equals(lang)) {
            problems.add("html lang is '" + lang + "', not 'vi'");
        }
        String title = page.title();
        if (title.isBlank() || keys.contains(title.strip()) || title.contains("!{")) {
            problems.add("page title '" + title + "'");
        }
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) page.evaluate(VISIBLE_TEXTS);
        Set<String> prefixes = new LinkedHashSet<>();
        keys.forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));
        Pattern keyLike = Pattern.compile("(?<![\\w./@-])[a-z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)+(?![\\w/@-])");
        Set<String> seen = new LinkedHashSet<>();
        for (String text : texts) {
            Matcher key = keyLike.matcher(text);
            while (key.find()) {
                String token = key.group();
                if (keys.contains(token) || prefixes.stream().anyMatch(p -> p.length() > 1 && token.startsWith(p))) {
                    seen.add("raw key '" + token + "' in '" + shorten(text) + "'");
                }
            }
            if (text.contains("!{") && text.contains("}!")) {
                seen.add("missing translation in '" + shorten(text) + "'");
            }
            for (String english : ENGLISH) {
                if (Pattern.compile("(?<![\\p{L}])" + Pattern.quote(english) + "(?![\\p{L}])").matcher(text).find()) {
                    seen.add("English '" + english + "' in '" + shorten(text) + "'");
                }
            }
        }
        problems.addAll(seen);
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .analyze();
        for (Rule violation : results.getViolations()) {
            if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                List<String> where = violation.getNodes().stream().limit(3).map(CheckedNode::getHtml)
                        .map(LanguageAndAccessibilityIT::shorten).toList();
                problems.add("axe " + violation.getImpact() + " " + violation.getId() + " at " + where);
            }
        }
        return problems;
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 140 ? flat.substring(0, 140) + "…" : flat;
    }

    /**
     * Text a person sees: visible text nodes and placeholders (not in an element marked {@code lang="en"}), also inside open shadow roots (where
     * Vaadin's components keep their built-in texts) and same-origin frames (the editor).
     */
    private static final String VISIBLE_TEXTS = """
            () => {
              const out = [];
              // text marked as English on purpose (a bilingual error page) is not English by mistake
              const english = el => { const l = el.closest('[lang]'); return !!l && l !== document.documentElement && l.lang.startsWith('en'); };
              const visible = el => el && (!el.checkVisibility || el.checkVisibility({visibilityProperty: true, opacityProperty: true}));
              const walk = (root) => {
                const nodes = root.querySelectorAll('*');
                for (const el of nodes) {
                  if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'TEMPLATE' || english(el)) continue;
                  for (const child of el.childNodes) {
                    if (child.nodeType === 3 && child.textContent.trim() && visible(el)) {
                      // text slotted into a closed slot is not shown
                      out.push(child.textContent.trim());
                    }
                  }
                  if (el.placeholder && visible(el)) out.push(el.placeholder);
                  if (el.shadowRoot) walk(el.shadowRoot);
                  if (el.tagName === 'IFRAME') {
                    try { if (el.contentDocument && visible(el)) walk(el.contentDocument); } catch (e) {}
                  }
                }
              };
              walk(document);
              return out;
            }
            """;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
