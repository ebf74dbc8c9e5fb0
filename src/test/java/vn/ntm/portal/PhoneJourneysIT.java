package vn.ntm.portal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.unit.UnitDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's main task on a 360 × 740 touch phone, against the demo data: done to the end, with the page never
 * wider than the screen and the buttons the task needs within it. Screenshots go to target/playwright/phone-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class PhoneJourneysIT {

    private static final String PASSWORD = "Demo@2026";
    private static final int WIDTH = 360;
    private static final String OPEN_CLASS = "Lớp tập huấn phát triển sản phẩm OCOP cho cán bộ xã và trưởng bản vùng cao năm 2026";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    ClassService classes;
    @Autowired
    UnitDirectory units;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void startBrowser() {
        // two cores shared by many: give the server time to answer
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.chromium(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void openPhone() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(WIDTH, 740).setIsMobile(true).setHasTouch(true));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closePhone(org.junit.jupiter.api.TestInfo test) {
        // how the phone looked when the journey ended, passed or not
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/playwright/phone-end-"
                + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test") + ".png")));
        context.close();
    }

    private static Locator shown(Locator rows) {
        return rows.filter(new Locator.FilterOptions().setVisible(true));
    }

    @Test
    void traineeOnAPhoneLearnsAModuleAnswersAQuizQuestionAndAsksToJoinAnOpenClass() throws Exception {
        openClassInSonLa();
        signIn("hocvien");

        page.navigate(url("/catalog"));
        page.locator("#catalog-search").fill("an toan tren mang");
        page.locator("#catalog-submit").click();
        Locator card = page.locator("#catalog-list h2 a").filter(new Locator.FilterOptions().setHasText("An toàn trên mạng cho người dân"));
        assertThat(card).isVisible();
        fitsTheScreen("catalog");
        card.click();
        page.locator("#enrol, #resume").first().waitFor();
        if (page.locator("#enrol").isVisible()) {
            withinScreen(page.locator("#enrol"));
            page.locator("#enrol").click();
        }
        page.locator("#resume").click();
        for (int lesson = 0; lesson < 2; lesson++) {
            String title = page.locator("#lesson-title").innerText();
            page.locator("#lesson-done").click();
            assertThat(page.locator("#lesson-title")).not().hasText(title);
        }
        withinScreen(page.locator("#quiz-start"));
        page.locator("#quiz-start").click();

        Locator question = page.locator(".quiz-question").first();
        Locator label = question.locator("legend").first();
        assertThat(label).isVisible();
        // the question is read whole: wrapped over lines, not cut with "…"
        assertThat((Boolean) label.evaluate("l => getComputedStyle(l).whiteSpace !== 'nowrap' && l.scrollWidth <= l.clientWidth + 1"))
                .as("the question's text wraps instead of being cut").isTrue();
        Locator option = question.locator("label").first();
        withinScreen(option);
        option.click();
        assertThat(option.locator("input")).isChecked();
        // a finger needs at least 24 px to hit an answer
        assertThat(option.boundingBox().height).isGreaterThanOrEqualTo(24);
        fitsTheScreen("quiz");

        page.navigate(url("/open-classes"));
        Locator join = page.locator("#open-classes .class-card").filter(new Locator.FilterOptions().setHasText(OPEN_CLASS))
                .locator("vaadin-button");
        assertThat(join).hasText("Đăng ký tham gia");
        withinScreen(join);
        fitsTheScreen("open-classes");
        join.click();
        assertThat(page.locator("#my-requests")).containsText(OPEN_CLASS);
        fitsTheScreen("open-classes-requested");
    }

    @Test
    void trainerOnAPhoneOpensTheirClassSeesWhichSessionTheBoardIsForAndMarksTheAfternoon() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        signIn("giangvien");
        page.navigate(url("/classes"));
        Locator row = page.locator("#classes").getByText("SL-2026-CĐS-01", new Locator.GetByTextOptions().setExact(true));
        withinScreen(row);
        fitsTheScreen("trainer-classes");
        row.click();

        Locator attendanceTab = page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Điểm danh"));
        withinScreen(attendanceTab);
        fitsTheScreen("class");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Buổi học")).click();
        // tomorrow afternoon: its check-in window is hours away whenever the test runs
        Locator board = page.locator("vaadin-button[data-slot='" + today.plusDays(1) + "|AFTERNOON']");
        assertThat(board).containsText("Mở điểm danh QR");
        withinScreen(board);
        fitsTheScreen("class-sessions");
        board.click();
        page.waitForURL(u -> u.contains("/sessions/check-in/"));
        assertThat(page.locator("#check-in-session")).containsText("Chiều, ngày " + DATE.format(today.plusDays(1)));
        assertThat(page.locator("#check-in-state")).containsText("Mở điểm danh từ");
        // no live code before the window opens: nothing to pass on for later
        assertThat(page.locator("#check-in-code")).isHidden();
        assertThat(page.locator("img[src^='data:image/svg']")).isHidden();
        fitsTheScreen("check-in-board");

        page.goBack();
        attendanceTab = page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Điểm danh"));
        attendanceTab.click();
        page.locator("#attendance-session").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(DATE.format(today) + " Chiều")).click();
        Locator cell = page.locator("vaadin-select[data-cell='Lò Văn Bình|" + today + "|AFTERNOON']");
        cell.scrollIntoViewIfNeeded();
        withinScreen(cell);
        fitsTheScreen("attendance");
        cell.click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Đến muộn")).click();
        assertThat(page.locator("vaadin-notification-card")).hasCount(0);
        assertThat(cell).containsText("Đến muộn");
        fitsTheScreen("attendance-marked");
    }

    @Test
    void coordinatorOnAPhoneFindsAClassByCodeReachesThePastYearsImportAndReadsTheDashboard() throws java.io.IOException {
        signIn("dieuphoi.sonla");
        page.navigate(url("/classes"));
        Locator grid = page.locator("#classes");
        assertThat(grid).containsText("SL-2026-CĐS-01");
        page.locator("#class-search input").fill("CĐS-01");
        // the grid keeps the rows it no longer needs, hidden: only the shown ones count
        assertThat(shown(grid.locator(".class-code"))).hasCount(1);
        assertThat(shown(grid.locator(".class-code"))).hasText("SL-2026-CĐS-01");
        // the full title and the facts the hidden columns would show
        assertThat(shown(grid.locator(".class-title"))).hasText("Tập huấn chuyển đổi số trong xây dựng nông thôn mới cho cán bộ xã");
        assertThat(shown(grid.locator(".class-facts"))).isVisible();
        fitsTheScreen("coordinator-classes-search");
        page.locator("#class-search input").fill("");
        page.locator("#class-status").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Đã kết thúc")).click();
        assertThat(shown(grid.locator(".class-code")).first()).isVisible();
        assertThat(shown(grid.locator(".class-code")).filter(new Locator.FilterOptions().setHasText("SL-2026-CĐS-01"))).hasCount(0);

        Locator pastYears = page.locator("#import-history");
        assertThat(pastYears).containsText("Nhập lớp các năm trước");
        withinScreen(pastYears);
        withinScreen(page.locator("#new-class"));
        fitsTheScreen("coordinator-classes");
        pastYears.click();
        assertThat(page.locator("vaadin-dialog[opened]")).hasCount(1);
        withinScreen(page.locator("#history-dissolved-units"));
        withinScreen(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đóng").setExact(true)));
        fitsTheScreen("history-import-dialog");
        // a sheet with one bad row: the actions of the preview fit the phone, and the bad rows come back in Vietnamese
        String sheet = "\uFEFF" + String.join(",", vn.ntm.portal.training.HistoryImportService.headers()) + "\n"
                + "SL-2019-PH1,Tập huấn Bộ tiêu chí NTM,14,15/03/2019,16/03/2019,Trực tiếp,2,Lò Văn Bình,Nam,1975,0912000001,,,,,,2\n"
                + "SL-2019-PH1,Tập huấn Bộ tiêu chí NTM,14,15/03/2019,16/03/2019,Trực tiếp,2,Quàng Thị Lan,Nữ,1985,0912000002,,,,,,5\n"; // present at 5 of 2 sessions
        page.locator("vaadin-dialog[opened] vaadin-upload input[type='file']").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "lop-cac-nam-truoc.csv", "text/csv", sheet.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(page.locator("#history-status")).containsText("1 dòng có lỗi");
        withinScreen(page.locator("#history-bad-rows"));
        withinScreen(page.locator("#history-import-good"));
        // with a bad row the sheet cannot be stored whole: only the good rows are offered
        assertThat(page.locator("#history-import-all")).isHidden();
        withinScreen(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đóng").setExact(true)));
        fitsTheScreen("history-import-preview");
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("#history-bad-rows").click());
        String badRows = Files.readString(download.path(), java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(badRows).contains("Dòng").contains("Lỗi").doesNotContain("Line").doesNotContain("Problems");
        page.keyboard().press("Escape");

        page.navigate(url("/reports"));
        assertThat(page.locator("#report-totals")).isVisible();
        page.locator(".echart[data-ready='true']").first().waitFor();
        fitsTheScreen("dashboard");
        // the frozen names column leaves room for the first numbers on the screen
        Locator classesHeader = page.locator("#grid-unit vaadin-grid-cell-content")
                .getByText("Số lớp", new Locator.GetByTextOptions().setExact(true));
        withinScreen(classesHeader);
        page.locator("#chart-unit").scrollIntoViewIfNeeded();
        fitsTheScreen("dashboard-chart");
        page.locator("#grid-unit").scrollIntoViewIfNeeded();
        fitsTheScreen("dashboard-table");
    }

    @Test
    void administratorOnAPhoneFindsAnAccountAndOpensTheNewAccountForm() {
        signIn("admin");
        page.navigate(url("/accounts"));
        page.locator("vaadin-text-field input").first().fill("giangvien");
        Locator card = shown(page.locator("vaadin-grid .class-card")).filter(new Locator.FilterOptions().setHasText("giangvien"));
        assertThat(shown(page.locator("vaadin-grid .class-card"))).hasCount(1);
        assertThat(card).isVisible();
        withinScreen(card);
        withinScreen(page.locator("#new-account"));
        fitsTheScreen("accounts");
        page.locator("#new-account").click();
        assertThat(page.locator("vaadin-dialog[opened]")).hasCount(1);
        withinScreen(page.locator("#account-username"));
        withinScreen(page.locator("#account-password"));
        fitsTheScreen("account-dialog");
        page.keyboard().press("Escape");

        page.navigate(url("/units"));
        assertThat(page.locator("#import-units")).isVisible();
        withinScreen(page.locator("#import-units"));
        fitsTheScreen("units");
    }

    /** An open class at the province level of Sơn La, which the demo trainee of Mường Chiên may ask to join. */
    private void openClassInSonLa() {
        TestData.signInAsAdmin();
        try {
            if (classes.list(new vn.ntm.portal.training.ClassFilter("SL-OPEN-PHONE", null, null, null), 0, 1).isEmpty()) {
                LocalDate start = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(20);
                classes.create(new ClassForm("SL-OPEN-PHONE", OPEN_CLASS, null, null, units.findByCode("14").orElseThrow().id(), null,
                        OrganisingLevel.PROVINCE, null, DeliveryMode.IN_PERSON, "Hội trường UBND tỉnh", null, start, start.plusDays(2),
                        null, null, ClassStatus.OPEN, 80, List.of()));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** No sideways scrolling of the page, and a screenshot to look at. */
    private void fitsTheScreen(String name) {
        try {
            Files.createDirectories(Path.of("target/playwright"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/playwright/phone-" + name + ".png")).setFullPage(true));
        Object widths = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        assertThat((Boolean) page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth"))
                .as("%s scrolls sideways (scroll width, window width): %s", name, widths).isTrue();
    }

    /** The element is on the screen from left to right (it may need scrolling down, never sideways). */
    private static void withinScreen(Locator element) {
        element.scrollIntoViewIfNeeded();
        BoundingBox box = element.boundingBox();
        assertThat(box).as("%s is shown", element).isNotNull();
        assertThat(box.x).as("left edge of %s", element).isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as("right edge of %s", element).isLessThanOrEqualTo(WIDTH + 0.5);
    }

    private void signIn(String username) {
        BrowserSupport.signIn(page, url(""), username, PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
