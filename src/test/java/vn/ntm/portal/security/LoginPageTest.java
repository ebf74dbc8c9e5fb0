package vn.ntm.portal.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.portal.SettableClock;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page is the first page everyone opens, often on a phone over 3G: a few kilobytes of plain HTML with no
 * script, in the reader's language, that keeps what was typed and never tells whether an account exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the settable clock in every plain web test, so that they share one application context
@Import(SettableClock.Config.class)
class LoginPageTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;

    HttpClient browser;

    @BeforeEach
    void freshBrowser() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void theSignInPageIsAFewKilobytesOfVietnameseHtmlWithoutScript() throws Exception {
        HttpResponse<String> page = get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).startsWith("<!doctype html><html lang=\"vi\"")
                .contains("<title>Đăng nhập</title>", "<main>", "Tên đăng nhập, e-mail hoặc số điện thoại", "Đăng ký học viên")
                .doesNotContain("<script", "login.");
        assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(4_096);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
    }

    @Test
    void choosingEnglishOnTheSignInPageKeepsItForThePortal() throws Exception {
        HttpResponse<String> english = get("/login?lang=en");

        assertThat(english.body()).contains("lang=\"en\"", "Sign in");
        assertThat(english.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("portal-lang=en"));
        assertThat(get("/login").body()).contains("lang=\"en\"");
    }

    @Test
    void aWrongPasswordGivesBackTheLoginNameAndTheSameAnswerAsAnUnknownAccount() throws Exception {
        HttpResponse<String> wrongPassword = signIn("quantri", "sai" + UUID.randomUUID());
        assertThat(wrongPassword.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        String afterWrongPassword = get("/login?error").body();

        signIn("khongcoai" + UUID.randomUUID().toString().substring(0, 6), "sai");
        String afterUnknownAccount = get("/login?error").body();

        assertThat(afterWrongPassword).contains("Tên đăng nhập hoặc mật khẩu không đúng.", "value=\"quantri\"", "autofocus");
        assertThat(message(afterUnknownAccount)).isEqualTo(message(afterWrongPassword));
    }

    @Test
    void anEmptyPasswordIsAskedForInTheReadersLanguageWithoutCountingAsAFailedSignIn() throws Exception {
        HttpResponse<String> empty = signIn("quantri", "");

        assertThat(empty.headers().firstValue("Location").orElseThrow()).endsWith("/login?missing");
        assertThat(get("/login?missing").body()).contains("Vui lòng nhập tên đăng nhập và mật khẩu.", "value=\"quantri\"");
    }

    @Test
    void theRightPasswordSignsInAndTheSignInPageThenLeadsHome() throws Exception {
        HttpResponse<String> signedIn = signIn("quantri", ViewTestData.PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
        HttpResponse<String> again = get("/login");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/");
    }

    @Test
    void aSignInPostFromAnotherSiteIsRefused() throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://lua-dao.example")
                .POST(HttpRequest.BodyPublishers.ofString("username=quantri&password=" + ViewTestData.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    private static String message(String page) {
        int start = page.indexOf("id=\"login-error\"");
        return page.substring(start, page.indexOf("</p>", start));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signIn(String login, String password) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://localhost:" + port)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
