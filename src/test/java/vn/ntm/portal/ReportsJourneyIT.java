package vn.ntm.portal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.ntm.portal.unit.UnitDirectory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 in a real browser, on the demo data: the Hà Tĩnh coordinator reads the 2021-2025 figures, drills from the
 * province into a commune by clicking its bar on the chart, downloads XLSX and PDF whose numbers are those on the
 * screen and copies the bulletin sentence; the Sơn La coordinator sees nothing of Hà Tĩnh, on screen or through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the same properties as BrowserJourneyIT, so that both run in one Spring context
        properties = {"portal.checkin.opens-before-minutes=2880", "portal.checkin.closes-after-minutes=2880"})
@ActiveProfiles("demo")
class ReportsJourneyIT {

    private static final String PASSWORD = "Demo@2026";
    private static final List<String> COUNTERS = List.of("classes", "enrolments", "sessionAttendances", "participations",
            "uniqueParticipants", "completions", "onlineEnrolments", "onlineCompletions", "budget");
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    UnitDirectory units;
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
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setAcceptDownloads(true)
                .setPermissions(List.of("clipboard-read", "clipboard-write")));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closePage(TestInfo test) throws Exception {
        Files.createDirectories(Path.of("target/playwright"));
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/playwright/" + test.getDisplayName()
                .replaceAll("[^A-Za-z0-9]+", "_") + ".png")));
        context.close();
    }

    @Test
    void hatinhCoordinatorDrillsFromTheProvinceToACommuneAndExportsTheNumbersOnTheScreen() throws Exception {
        signIn("dieuphoi.hatinh");
        page.navigate(url("/reports"));
        choosePhase("2021-2025");
        assertThat(page.locator("#report-unit")).hasText("tỉnh Hà Tĩnh");
        assertThat(page.locator("#bulletin")).containsText("Giai đoạn 2021-2025, tỉnh Hà Tĩnh đã tổ chức ");
        List<Long> province = totalsOnScreen();

        // a real click on the commune's bar, at the place ECharts drew it on the canvas
        clickBar("#chart-unit", "Cẩm Xuyên");
        assertThat(page.locator("#report-unit")).hasText("xã Cẩm Xuyên");
        assertThat(page.locator("#grid-unit")).hasCount(0);
        List<Long> commune = totalsOnScreen();
        assertThat(commune).isNotEqualTo(province);
        assertThat(commune.get(3)).as("participations in Cẩm Xuyên").isPositive().isLessThan(province.get(3));
        String bulletin = page.locator("#bulletin").innerText();
        assertThat(bulletin).isEqualTo("Giai đoạn 2021-2025, xã Cẩm Xuyên đã tổ chức %s lớp tập huấn với %s lượt người tham gia (%s người)."
                .formatted(vi(commune.get(0)), vi(commune.get(3)), vi(commune.get(4))));

        page.locator("#copy-bulletin").click();
        assertThat(page.locator("vaadin-notification-card")).containsText("Đã sao chép câu tin.");
        assertThat((String) page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(bulletin);

        Map<String, Long> yearsOnScreen = chartValues("#chart-year");   // participations by year, as the chart draws them
        Path xlsx = download("#export-xlsx");
        List<List<String>> sheet = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(Files.newInputStream(xlsx))) {
            for (Row row : book.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c == null ? "" : c.getText()));
                sheet.add(cells);
            }
        }
        List<String> flat = sheet.stream().flatMap(List::stream).toList();
        assertThat(flat).contains("Thời gian: Giai đoạn 2021-2025", "Đơn vị: xã Cẩm Xuyên", bulletin);
        List<String> totalRow = sheet.stream().filter(r -> !r.isEmpty() && r.getFirst().equals("Tổng cộng")).findFirst().orElseThrow();
        assertThat(totalRow.subList(1, 1 + COUNTERS.size()).stream().map(ReportsJourneyIT::number).toList()).isEqualTo(commune);
        Map<String, Long> yearsInSheet = new java.util.TreeMap<>();
        for (List<String> row : sheet) {
            if (!row.isEmpty() && row.getFirst().matches("20[0-9]{2}")) {
                yearsInSheet.put(row.getFirst(), number(row.get(4)));
            }
        }
        assertThat(yearsInSheet).isNotEmpty().isEqualTo(yearsOnScreen);
        assertThat(flat).noneMatch(c -> c.contains("Kỳ Anh") || c.contains("Hương Sơn") || c.contains("Sơn La"));

        Path pdf = download("#export-pdf");
        try (PDDocument read = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(read).replaceAll("\\s+", " ");
            assertThat(text).contains(bulletin, "Thời gian: Giai đoạn 2021-2025", "Đơn vị: xã Cẩm Xuyên");
            StringBuilder totals = new StringBuilder("Tổng cộng");
            commune.forEach(v -> totals.append(' ').append(v == null ? "—" : vi(v)));
            assertThat(text).contains(totals.toString());
            assertThat(text).doesNotContain("Kỳ Anh", "Hương Sơn", "Sơn La");
        }

        page.locator("#drill-up").click();
        assertThat(page.locator("#report-unit")).hasText("tỉnh Hà Tĩnh");
        assertThat(totalsOnScreen()).isEqualTo(province);
    }

    @Test
    void sonLaCoordinatorSeesNoFigureOfHaTinhAndTheApiRefusesHaTinh() throws Exception {
        signIn("dieuphoi.sonla");
        page.navigate(url("/reports"));
        choosePhase("2021-2025");
        assertThat(page.locator("#report-unit")).hasText("tỉnh Sơn La");
        assertThat(page.locator("#bulletin")).containsText("tỉnh Sơn La đã tổ chức");
        page.locator("#chart-unit[data-ready='true']").waitFor();
        String screen = page.locator("vaadin-app-layout").innerText();
        assertThat(screen).contains("Mường Chiên").doesNotContain("Hà Tĩnh", "Cẩm Xuyên", "Kỳ Anh", "Hương Sơn");
        @SuppressWarnings("unchecked")
        List<String> bars = (List<String>) page.locator("#chart-unit").evaluate("el => el.chart.getOption().xAxis[0].data");
        assertThat(bars).contains("Mường Chiên").doesNotContain("Cẩm Xuyên", "Kỳ Anh", "Hương Sơn");

        long haTinh = units.findByCode("42").orElseThrow().id();
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("dieuphoi.sonla:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/reports/summary?phase=2021-2025&unitId=" + haTinh)))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("participations");
        HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/reports/summary?phase=2021-2025&breakdown=UNIT")))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Mường Chiên").doesNotContain("Hà Tĩnh", "Cẩm Xuyên");
    }

    @Test
    void trainerOnAPhoneSeesTheFiguresOfTheClassTheyTeachAndCannotChooseAnotherTrainer() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 780).setIsMobile(true).setHasTouch(true));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
        signIn("giangvien");
        page.navigate(url("/reports"));
        assertThat(page.locator("#bulletin")).containsText("Số liệu chỉ tính lớp do giảng viên Hoàng Minh Tuấn dạy.");
        Locator trainer = page.locator("#filter-trainer");
        assertThat(trainer).hasAttribute("readonly", "");
        assertThat(trainer.locator("input")).hasValue("Hoàng Minh Tuấn");
        assertThat(number(page.locator("#total-classes span").first().innerText())).isPositive();
        // the demo trainer teaches in Sơn La only: nothing of Hà Tĩnh anywhere on the page
        assertThat(page.locator("vaadin-app-layout").innerText()).doesNotContain("Hà Tĩnh", "Cẩm Xuyên");
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("no sideways scrolling at 360 px").isTrue();
    }

    // ---- helpers

    private void choosePhase(String phase) {
        page.locator("#filter-phase").click();
        page.locator("vaadin-select-item[label='" + phase + "']").click();
        page.locator("#apply-filter").click();
        assertThat(page.locator("#bulletin")).containsText("Giai đoạn " + phase);
    }

    /** The nine total cards, "—" as null. */
    private List<Long> totalsOnScreen() {
        List<Long> values = new ArrayList<>();
        for (String counter : COUNTERS) {
            values.add(number(page.locator("#total-" + counter + " span").first().innerText()));
        }
        return values;
    }

    /** Category → first series' value (participations) of a chart, as drawn. */
    private Map<String, Long> chartValues(String chart) {
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) page.locator(chart + "[data-ready='true']").evaluate("""
                el => { const o = el.chart.getOption(); const r = {};
                        o.xAxis[0].data.forEach((c, i) => r[c] = o.series[0].data[i]); return r; }""");
        Map<String, Long> result = new java.util.TreeMap<>();
        values.forEach((k, v) -> result.put(k, ((Number) v).longValue()));
        return result;
    }

    /** Clicks the first series' bar of a category where ECharts laid it out on the canvas. */
    private void clickBar(String chart, String category) {
        Locator el = page.locator(chart + "[data-ready='true']");
        el.scrollIntoViewIfNeeded();
        @SuppressWarnings("unchecked")
        Map<String, Object> layout = (Map<String, Object>) el.evaluate("""
                (el, name) => {
                  const index = el.chart.getOption().xAxis[0].data.indexOf(name);
                  const bar = el.chart.getModel().getSeriesByIndex(0).getData().getItemLayout(index);
                  return {index: index, x: bar.x + bar.width / 2, y: bar.y + bar.height / 2};
                }""", category);
        assertThat(((Number) layout.get("index")).intValue()).as(category + " among the bars").isNotNegative();
        BoundingBox box = el.boundingBox();
        page.mouse().click(box.x + ((Number) layout.get("x")).doubleValue(), box.y + ((Number) layout.get("y")).doubleValue());
    }

    private Path download(String link) throws Exception {
        Download download = page.waitForDownload(() -> page.locator(link).click());
        Path file = Files.createTempFile("report", download.suggestedFilename());
        download.saveAs(file);
        return file;
    }

    private static Long number(String text) {
        String t = text.strip();
        return t.equals("—") || t.isEmpty() ? null : Long.valueOf(t.replace(".", ""));
    }

    private static String vi(long n) {
        return vn.ntm.portal.reporting.Bulletin.number(n);
    }

    private void signIn(String username) {
        BrowserSupport.signIn(page, url(""), username, PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
