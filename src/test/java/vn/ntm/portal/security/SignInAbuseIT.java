package vn.ntm.portal.security;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.ntm.portal.BrowserSupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in and registration attacks of issue 11, each through the production bundle in Chromium or over HTTP as an
 * attacker would, and each now failing to get through (docs/SECURITY.md, "Sign-in, throttling and registration").
 * The tests run in order: the last one exhausts the allowance of the test machine's address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // a context of its own: the locks these tests provoke must not reach the other browser tests
        properties = "portal.registration.per-address-per-hour=19")
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInAbuseIT {

    private static final String PASSWORD = "Demo@2026";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    BrowserContext context;
    Page page;
    private final HttpClient http = HttpClient.newHttpClient();

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
    void openBrowser() {
        context = browser.newContext();
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    @Order(1)
    void aPageOnAnotherSiteCannotSignTheVisitorsBrowserInButTheRealLoginFormWorks() {
        // the attacker's page, on another origin, posts the attacker's credentials to the portal's login
        String attacker = "http://localhost:" + port + "/attacker-page";
        page.route(attacker, route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setContentType("text/html").setBody("<form id='f' method='post' action='" + url("/login") + "'>"
                        + "<input name='username' value='hocvien'><input name='password' value='" + PASSWORD + "'></form>"
                        + "<script>document.getElementById('f').submit()</script>")));
        com.microsoft.playwright.Response refused = page.waitForResponse(
                r -> r.url().equals(url("/login")) && r.request().method().equals("POST"), () -> page.navigate(attacker));

        assertThat(refused.status()).isEqualTo(403);
        page.navigate(url("/"));
        page.waitForURL(u -> u.contains("/login"));
        assertThat(context.cookies(url("/")).stream().map(c -> c.name)).doesNotContain(KnownDevices.COOKIE);

        BrowserSupport.signIn(page, url(""), "giangvien", PASSWORD);
        assertThat(page.locator("vaadin-app-layout")).isVisible();
    }

    @Test
    @Order(2)
    void aCommonPasswordIsRefusedAndRegisteringATakenPhoneLooksLikeAnyRegistration() {
        String phone = "0966 " + ThreadLocalRandom.current().nextInt(100, 999) + " " + ThreadLocalRandom.current().nextInt(100, 999);
        fillRegistration(phone, "matkhau123");
        assertThat(page.locator("#register-error")).hasText(
                "Mật khẩu này quá phổ biến hoặc dễ đoán từ tên, số điện thoại, e-mail của bạn. Hãy chọn mật khẩu khác.");

        fillRegistration(phone, "Ruong2026bac");
        assertThat(page.locator("#registered")).isVisible();
        String first = page.locator("#registered").innerText();
        // someone else tries the same phone: the very same answer, and the account stays the first person's
        fillRegistration(phone, "Khac2026xyz");
        assertThat(page.locator("#registered")).hasText(first);
        page.locator("input[name='username']").fill(phone);
        page.locator("input[name='password']").fill("Khac2026xyz");
        page.locator("#sign-in").click();
        page.waitForURL(u -> u.contains("error"));
        BrowserSupport.signIn(page, url(""), phone, "Ruong2026bac");
    }

    @Test
    @Order(3)
    void wrongBasicGuessesAtTheAdministratorDoNotKeepTheAdministratorOutOfTheirOwnBrowser() throws Exception {
        BrowserSupport.signIn(page, url(""), "admin", PASSWORD);
        List<Cookie> known = context.cookies(url("/")).stream().filter(c -> c.name.equals(KnownDevices.COOKIE)).toList();
        assertThat(known).hasSize(1);
        assertThat(known.getFirst().httpOnly).isTrue();

        for (int i = 0; i < 6; i++) {
            assertThat(summary("admin", "guess-" + i, null)).isEqualTo(401);
        }
        // the guesser's address is locked for this login, even with the right password...
        assertThat(summary("admin", PASSWORD, null)).isEqualTo(401);
        // a browser that never signed in as admin is refused from this address...
        BrowserContext stranger = browser.newContext();
        Page other = stranger.newPage();
        other.navigate(url("/login"));
        other.locator("input[name='username']").fill("admin");
        other.locator("input[name='password']").fill(PASSWORD);
        other.locator("#sign-in").click();
        other.waitForURL(u -> u.contains("error"));
        assertThat(other.locator("#login-error")).containsText("Đăng nhập sai quá nhiều lần");
        stranger.close();
        // ...but the administrator's own browser, from the very same address, signs in on the login page
        BrowserContext later = browser.newContext();
        later.addCookies(known);
        Page again = later.newPage();
        BrowserSupport.signIn(again, url(""), "admin", PASSWORD);
        assertThat(again.locator("vaadin-app-layout")).isVisible();
        later.close();
    }

    @Test
    @Order(4)
    void aForwardedForHeaderFromAnUntrustedPeerBuysNoFreshGuesses() throws Exception {
        for (int i = 0; i < 21; i++) {
            summary("nobody-" + i, "guess-" + i, "198.51.100." + (i + 1));
        }

        // no proxy is trusted by default: every guess counted against this one address, whatever the header said
        assertThat(summary("dieuphoi.sonla", PASSWORD, "198.51.100.200")).isEqualTo(401);
        page.navigate(url("/login"));
        page.locator("input[name='username']").fill("dieuphoi.sonla");
        page.locator("input[name='password']").fill(PASSWORD);
        page.locator("#sign-in").click();
        page.waitForURL(u -> u.contains("error"));
        assertThat(page.locator("#login-error")).containsText("Đăng nhập sai quá nhiều lần");
    }

    private void fillRegistration(String phone, String password) {
        page.navigate(url("/register"));
        page.locator("#fullName input").fill("Lò Văn Tâm");
        page.locator("#phone input").fill(phone);
        page.locator("#province").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Sơn La")).click();
        page.locator("#commune input").fill("Mường");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Mường Chiên")).click();
        page.locator("#level").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Người dân")).click();
        page.locator("#password input").fill(password);
        page.locator("#confirm input").fill(password);
        page.locator("#register-submit").click();
    }

    private int summary(String login, String password, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/v1/reports/summary")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * 127.0.0.1 for the browser and the HTTP client alike: to Chromium "localhost" may be ::1, another client address.
     * The attacker's page is served as "localhost", another origin.
     */
    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
