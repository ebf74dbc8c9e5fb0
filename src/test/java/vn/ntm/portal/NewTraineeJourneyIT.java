package vn.ntm.portal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.FeedbackMode;
import vn.ntm.portal.curriculum.LessonDraft;
import vn.ntm.portal.curriculum.LessonKind;
import vn.ntm.portal.curriculum.ModuleDraft;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.curriculum.ProgrammeSummary;
import vn.ntm.portal.curriculum.QuestionKind;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person who has never used the portal, on a 360-pixel phone: registers, signs in with their phone number, finds a
 * "Chuyển đổi số" module typed without diacritics, and takes it to completion - a formatted text, an MP4 video
 * (played to 40% and left there, resumed there after a detour, then watched to the end), a WebM video (played and
 * sought), a PDF shown in the page and downloaded, a quiz - then sees the completion date in "My learning". The videos
 * stream by byte ranges (HTTP 206).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class NewTraineeJourneyIT {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    CurriculumService curriculum;
    @Autowired
    java.time.Clock clock;
    BrowserContext context;
    Page page;
    final List<Response> fileResponses = new CopyOnWriteArrayList<>();

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
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/playwright/new-trainee-journey.png")));
        context.close();
    }

    @Test
    void aNewTraineeRegistersFindsTheModuleWithoutAccentsAndCompletesEveryKindOfLesson() throws Exception {
        int batch = ThreadLocalRandom.current().nextInt(1000, 9999);
        String title = "Chuyển đổi số cho hộ kinh doanh nhỏ, đợt " + batch;
        long[] lessons = asAdmin(() -> module(title));

        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true)
                .setHasTouch(true).setAcceptDownloads(true));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
        page.onResponse(r -> {
            if (r.url().contains("/files/lessons/")) {
                fileResponses.add(r);
            }
        });

        String phone = "0977 " + ThreadLocalRandom.current().nextInt(100, 999) + " " + ThreadLocalRandom.current().nextInt(100, 999);
        page.navigate(url("/login"));
        page.locator("#register-link").click();
        page.locator("#fullName input").fill("Lò Văn Tâm");
        page.locator("#phone input").fill(phone);
        page.locator("#province").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Sơn La")).click();
        page.locator("#commune input").fill("Mường");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Mường Chiên")).click();
        page.locator("#level").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Người dân")).click();
        page.locator("#password input").fill("Tam2026abc");
        page.locator("#confirm input").fill("Tam2026abc");
        page.locator("#register-submit").click();
        assertThat(page.locator("#registered")).containsText("Đã nhận đăng ký.");
        page.locator("input[name='username']").fill(phone);
        page.locator("input[name='password']").fill("Tam2026abc");
        page.locator("#sign-in").click();
        page.waitForURL(u -> !u.contains("/login"));

        page.navigate(url("/catalog"));
        // the title typed without accents (the search matches the folded text as one piece, so the words must follow
        // each other as in the title); the batch number tells this run's module from earlier runs'
        page.locator("#catalog-search").fill("chuyen doi so cho ho kinh doanh nho, dot " + batch);
        page.locator("#catalog-submit").click();
        assertThat(page.locator("#catalog-count")).hasText("1 học phần");
        Locator card = page.locator("#catalog-list h2 a").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(card).hasCount(1);
        card.click();
        page.locator("#enrol").click();
        page.locator("#resume").click();

        // text: the formatting the author gave it
        assertThat(page.locator("#lesson-content h2")).hasText("Vì sao hộ kinh doanh cần chuyển đổi số");
        assertThat(page.locator("#lesson-content strong")).hasText("thanh toán không dùng tiền mặt");
        assertThat(page.locator("#lesson-content li")).hasCount(3);
        assertThat(horizontalOverflow()).isFalse();
        page.locator("#lesson-done").click();

        // MP4: plays, seeks by ranges, stops at 40%; the trainee leaves and comes back to the same place
        assertThat(page.locator("#lesson-title")).hasText("Video: mở tài khoản thanh toán");
        double duration = metadata();
        assertThat(duration).isGreaterThan(5);
        // watched for real (the server credits only what the time between the player's reports allows)
        playUntil(duration * 0.4);
        page.navigate(url("/my-learning"));
        assertThat(page.locator(".my-learning-status").first()).containsText("Đã xong 1/4");
        page.locator("#my-learning-grid vaadin-button").first().click();
        assertThat(page.locator("#lesson-title")).hasText("Video: mở tài khoản thanh toán");
        assertThat(page.locator("#video-resumed")).containsText("0:02");
        metadata();
        page.waitForFunction("() => document.querySelector('#lesson-video video').currentTime >= 2");
        playUntil(duration);
        assertThat(page.locator("#video-status")).hasText("Đã hoàn thành");
        assertThat(fileResponses.stream().filter(r -> r.url().endsWith("/files/lessons/" + lessons[1]) && r.status() == 206))
                .isNotEmpty();
        page.locator("#lesson-next").click();

        // WebM (optional): plays and seeks by ranges too
        assertThat(page.locator("#lesson-title")).hasText("Video: bán hàng qua mạng (xem thêm)");
        double webm = metadata();
        playSeekAndPause(webm * 0.5);
        assertThat(fileResponses.stream().filter(r -> r.url().endsWith("/files/lessons/" + lessons[2]) && r.status() == 206))
                .isNotEmpty();
        page.locator("#lesson-next").click();

        // PDF: shown in the page, downloadable
        assertThat(page.locator("#lesson-title")).hasText("Sổ tay: các bước chuyển đổi số");
        assertThat(page.locator("#lesson-document")).isVisible();
        page.waitForCondition(() -> fileResponses.stream().anyMatch(r -> r.url().endsWith("/files/lessons/" + lessons[3])));
        Response shown = fileResponses.stream().filter(r -> r.url().endsWith("/files/lessons/" + lessons[3])).findFirst().orElseThrow();
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(shown.headers().get("content-disposition")).startsWith("inline");
        Download download = page.waitForDownload(() -> page.locator("#lesson-download").click());
        assertThat(download.suggestedFilename()).isEqualTo("so-tay.pdf");
        assertThat(new String(Files.readAllBytes(download.path()), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        page.locator("#lesson-next").click();

        // quiz
        assertThat(page.locator("#lesson-title")).hasText("Kiểm tra: chuyển đổi số cho hộ kinh doanh");
        page.locator("#quiz-start").click();
        page.locator(".quiz-question").filter(new Locator.FilterOptions().setHasText("mã QR"))
                .getByText("Đúng", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator(".quiz-question").filter(new Locator.FilterOptions().setHasText("mật khẩu"))
                .getByText("Không ai, kể cả người tự xưng là nhân viên ngân hàng", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#quiz-submit").click();
        assertThat(page.locator("#quiz-verdict")).hasText("Đạt");
        assertThat(page.locator("#module-completed-now")).isVisible();

        page.navigate(url("/my-learning"));
        String today = DATE.format(LocalDate.now(clock));
        Locator mine = page.locator("#my-learning-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(mine.locator(".my-learning-status")).hasText("Hoàn thành ngày " + today);
        assertThat(horizontalOverflow()).isFalse();
    }

    /** Waits for the video's metadata (its first bytes fetched by range) and returns its duration in seconds. */
    private double metadata() {
        Object duration = page.locator("#lesson-video video").evaluate("v => new Promise(resolve => {"
                + " if (v.readyState >= 1) { resolve(v.duration); } else { v.addEventListener('loadedmetadata', () => resolve(v.duration), {once: true}); }"
                + " v.addEventListener('error', () => resolve(-1), {once: true}); })");
        return ((Number) duration).doubleValue();
    }

    /** Plays muted (as a phone allows without a tap), seeks to the position, and pauses: the player reports it on pause. */
    private void playSeekAndPause(double seconds) {
        Object reached = page.locator("#lesson-video video").evaluate("async (v, to) => {"
                + " v.muted = true; await v.play();"
                + " await new Promise(resolve => { v.addEventListener('seeked', resolve, {once: true}); v.currentTime = to; });"
                + " v.pause(); return v.currentTime; }", seconds);
        assertThat(((Number) reached).doubleValue()).isGreaterThanOrEqualTo(seconds - 0.5);
        page.waitForTimeout(1000);
    }

    /**
     * Plays muted at normal speed until the position (or the end), then pauses: the player reports it as it goes and on
     * pause or end. Gives up after 30 s.
     */
    private void playUntil(double seconds) {
        Object reached = page.locator("#lesson-video video").evaluate("async (v, to) => {"
                + " v.muted = true; await v.play();"
                + " await Promise.race([new Promise(resolve => { const check = () => { if (v.ended || v.currentTime >= to) { resolve(); }"
                + " else { setTimeout(check, 50); } }; check(); }), new Promise(resolve => setTimeout(resolve, 30000))]);"
                + " if (!v.ended) { v.pause(); } return v.currentTime; }", seconds);
        assertThat(((Number) reached).doubleValue()).isGreaterThanOrEqualTo(Math.min(seconds, 5.5) - 0.5);
        page.waitForTimeout(1000);
    }

    /** A published module with a formatted text, an MP4, a WebM (optional), a PDF and a two-question quiz. */
    private long[] module(String title) {
        ProgrammeSummary programme = curriculum.programmes().stream().filter(p -> p.code().contains("924")).findFirst()
                .orElse(curriculum.programmes().getFirst());
        long topic = curriculum.topics(programme.id()).getFirst().id();
        ModuleSummary module = curriculum.createModule(new ModuleDraft(topic, title, "Thanh toán số, bán hàng qua mạng, an toàn tài khoản.",
                Set.of(TraineeLevel.values())));
        long text = curriculum.saveLesson(module.id(), null, LessonDraft.text("Vì sao cần chuyển đổi số", true,
                "<h2>Vì sao hộ kinh doanh cần chuyển đổi số</h2><p>Khách hàng ngày càng quen <strong>thanh toán không dùng tiền mặt</strong>:</p>"
                        + "<ul><li>quét mã QR ngân hàng;</li><li>ví điện tử;</li><li>chuyển khoản qua ứng dụng.</li></ul>")).id();
        long mp4 = curriculum.saveLesson(module.id(), null, file(LessonKind.VIDEO, "Video: mở tài khoản thanh toán", true)).id();
        curriculum.attachFile(mp4, "mo-tai-khoan.mp4", media("bai-giang.mp4"));
        long webm = curriculum.saveLesson(module.id(), null, file(LessonKind.VIDEO, "Video: bán hàng qua mạng (xem thêm)", false)).id();
        curriculum.attachFile(webm, "ban-hang.webm", media("bai-giang.webm"));
        long pdf = curriculum.saveLesson(module.id(), null, file(LessonKind.DOCUMENT, "Sổ tay: các bước chuyển đổi số", true)).id();
        curriculum.attachFile(pdf, "so-tay.pdf", media("so-tay.pdf"));
        long quiz = curriculum.saveLesson(module.id(), null, new LessonDraft(LessonKind.QUIZ, "Kiểm tra: chuyển đổi số cho hộ kinh doanh",
                true, null, 100, null, true, FeedbackMode.FULL, List.of(
                new LessonDraft.QuestionDraft(QuestionKind.TRUE_FALSE, "Khách có thể trả tiền bằng cách quét mã QR của cửa hàng.", null,
                        List.of(new LessonDraft.OptionDraft("Đúng", true), new LessonDraft.OptionDraft("Sai", false))),
                new LessonDraft.QuestionDraft(QuestionKind.SINGLE, "Ai được biết mật khẩu và mã OTP của tài khoản?", null,
                        List.of(new LessonDraft.OptionDraft("Người thân trong gia đình", false),
                                new LessonDraft.OptionDraft("Không ai, kể cả người tự xưng là nhân viên ngân hàng", true),
                                new LessonDraft.OptionDraft("Nhân viên ngân hàng khi họ gọi điện hỏi", false)))), null)).id();
        curriculum.publish(module.id());
        return new long[]{text, mp4, webm, pdf, quiz};
    }

    private static LessonDraft file(LessonKind kind, String title, boolean required) {
        return new LessonDraft(kind, title, required, null, null, null, false, null, List.of(), null);
    }

    private static byte[] media(String name) {
        try (var in = NewTraineeJourneyIT.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    private boolean horizontalOverflow() {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
