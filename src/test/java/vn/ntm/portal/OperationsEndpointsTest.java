package vn.ntm.portal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Health is public, metrics are for administrators, and the API answers scripts with plain status codes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the settable clock in every plain web test, so that they share one application context
@org.springframework.context.annotation.Import(vn.ntm.portal.SettableClock.Config.class)
class OperationsEndpointsTest {

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

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void world() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
    }

    @Test
    void anyoneCanReadHealth() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void onlyAdministratorsReadPrometheusMetrics() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "dp.sonla").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "hv.sonla").statusCode()).isEqualTo(403);
        HttpResponse<String> admin = get("/actuator/prometheus", "quantri");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void apiAsksForCredentialsInsteadOfRedirectingToTheLoginPage() throws Exception {
        HttpResponse<String> response = get("/api/v1/reports/summary", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
        assertThat(get("/api/v1/reports/summary", "nobody").statusCode()).isEqualTo(401);
    }

    /** Scripts keep no session: each request signs in anew, so a disabled account is refused at its next one. */
    @Test
    void anAccountDisabledBetweenTwoApiRequestsIsRefusedAtTheSecond() throws Exception {
        assertThat(get("/api/v1/reports/summary", "dp.sonla").statusCode()).isEqualTo(200);
        TestData.signInAsAdmin();
        try {
            accounts.setEnabled(jdbc.queryForObject("select id from account where username = 'dp.sonla'", Long.class), false);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        assertThat(get("/api/v1/reports/summary", "dp.sonla").statusCode()).isEqualTo(401);
    }

    @Test
    void pagesAreServedWithProtectiveHeaders() throws Exception {
        // the sign-in page is plain HTML: the strict policy of the check-in page, and no session for a visitor
        HttpResponse<String> signIn = get("/login", null);
        assertThat(signIn.headers().firstValue("Content-Security-Policy")).get().asString().startsWith("default-src 'none'");
        assertThat(signIn.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));

        HttpResponse<String> login = get("/register", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(login.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'self'");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID=")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void signingInGivesANewSessionIdSoAPlantedOneIsWorthless() throws Exception {
        // a session planted before sign-in (the UI's pages start one)
        HttpResponse<String> loginPage = get("/register", null);
        String before = sessionCookie(loginPage);
        assertThat(before).isNotBlank();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", before)
                .POST(HttpRequest.BodyPublishers.ofString("username=dp.sonla&password=" + ViewTestData.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        assertThat(sessionCookie(signedIn)).isNotBlank().isNotEqualTo(before);
    }

    @Test
    void forwardedHeadersFromAPeerThatIsNoListedProxyAreIgnored() throws Exception {
        // no proxy is trusted by default (portal.trusted-proxies): a client cannot claim HTTPS or another address
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/register"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID=")).isNotEmpty()
                .noneSatisfy(cookie -> assertThat(cookie).contains("Secure"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
    }

    @Test
    void thePlainCheckInPageMayRunNoScriptAtAll() throws Exception {
        HttpResponse<String> page = get("/checkin", null);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .startsWith("default-src 'none'").doesNotContain("script-src");
    }

    private HttpResponse<String> get(String path, String username) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (username != null) {
            String credentials = username + ":" + ViewTestData.PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
