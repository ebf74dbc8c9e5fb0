package vn.ntm.portal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A coordinator sets up a class in a real browser: the class, its sessions in bulk, and its roster from a file
 * that LibreOffice saved (src/test/resources/roster), read through the preview that shows the one bad row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the same settings as BrowserJourneyIT, so that both run against one started portal
        properties = {"portal.checkin.opens-before-minutes=2880", "portal.checkin.closes-after-minutes=2880"})
@ActiveProfiles("demo")
class RosterImportJourneyIT {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
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
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/playwright/roster-import-journey.png")));
        context.close();
    }

    @Test
    void coordinatorCreatesAClassAddsSessionsInBulkImportsARosterSavedByLibreOfficeAndNotesAnAbsence() throws Exception {
        signIn("dieuphoi.sonla", "Demo@2026");
        page.navigate(url("/classes"));

        page.locator("#new-class").click();
        page.locator("#class-code input").fill("SL-2026-NK-01");
        page.locator("#class-title input").fill("Tập huấn chuyển đổi số cho cán bộ xã Mường Chiên");
        page.locator("#class-unit input").fill("Sơn La");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Sơn La (14)")).click();
        page.locator("#class-start input").fill("04/05/2026");
        page.locator("#class-start input").press("Enter");
        page.locator("#class-end input").fill("05/05/2026");
        page.locator("#class-end input").press("Enter");
        page.locator("#save-class").click();
        assertThat(page.locator("#class-heading")).hasText("Tập huấn chuyển đổi số cho cán bộ xã Mường Chiên");

        // two days × morning and afternoon, the form's defaults
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Buổi học")).click();
        page.locator("#create-sessions").click();
        assertThat(page.locator("#sessions vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("04/05/2026")))
                .hasCount(2);
        assertThat(page.locator("#sessions vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("05/05/2026")))
                .hasCount(2);

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Danh sách học viên")).click();
        page.locator("#roster-import").click();
        Path file = Path.of(RosterImportJourneyIT.class.getResource("/roster/roster-libreoffice.xlsx").toURI());
        page.locator("#roster-upload input[type='file']").setInputFiles(file);

        // the preview: twelve rows, one with a phone number that is too short, on line 10 of the sheet
        assertThat(page.locator("#roster-import-summary")).containsText("12 dòng: 11 hợp lệ, 1 có lỗi.");
        Locator badRow = page.locator("#roster-import-rows vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("12345"));
        assertThat(badRow).hasCount(1);
        page.getByText("Bỏ qua các dòng có lỗi").click();
        page.locator("#roster-import-commit").click();
        assertThat(page.locator("#roster-import-summary")).hasText("Đã thêm 11 người vào danh sách lớp.");
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Đóng")).first().click();

        assertThat(page.locator("#roster-count")).hasText("11 học viên");
        for (String name : new String[] {"Quàng Thị Lan", "Lò Văn Bình", "Điêu Chính Tỉnh", "Mùa A Páo"}) {
            assertThat(page.locator("#roster vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name)))
                    .hasCount(1);
        }
        assertThat(page.locator("#roster vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Quàng Văn Dũng")))
                .hasCount(0);
        assertThat(page.locator("#roster vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("0913456789")))
                .hasCount(1);

        // the attendance grid with the keyboard: a status, then Tab to its note, type, Enter; the note is kept
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Điểm danh")).click();
        String cell = "Tòng Thị Mai|2026-05-04|MORNING";
        assertThat(page.locator("vaadin-text-field[data-note='" + cell + "'] input")).isDisabled();
        page.locator("vaadin-select[data-cell='" + cell + "']").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Vắng có phép")).click();
        Locator note = page.locator("vaadin-text-field[data-note='" + cell + "'] input");
        assertThat(note).isEnabled();
        note.fill("Ốm, có giấy của trạm y tế");
        note.press("Enter");
        assertThat(page.locator("vaadin-notification-card")).hasCount(0);
        page.reload();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Điểm danh")).click();
        assertThat(page.locator("vaadin-text-field[data-note='" + cell + "'] input")).hasValue("Ốm, có giấy của trạm y tế");

        // the class's full roster: three hundred more trainees from a sheet LibreOffice saved
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Danh sách học viên")).click();
        page.locator("#roster-import").click();
        page.locator("#roster-upload input[type='file']").setInputFiles(
                Path.of(RosterImportJourneyIT.class.getResource("/roster/roster-300-libreoffice.xlsx").toURI()));
        assertThat(page.locator("#roster-import-summary")).containsText("300 dòng: 300 hợp lệ");
        page.locator("#roster-import-commit").click();
        assertThat(page.locator("#roster-import-summary")).hasText("Đã thêm 300 người vào danh sách lớp.");
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Đóng")).first().click();
        assertThat(page.locator("#roster-count")).hasText("311 học viên");
    }

    private void signIn(String username, String password) {
        BrowserSupport.signIn(page, url(""), username, password);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
