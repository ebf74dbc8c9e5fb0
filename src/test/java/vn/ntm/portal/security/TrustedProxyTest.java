package vn.ntm.portal.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind a proxy the operator lists in {@code portal.trusted-proxies}, its forwarded headers are believed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.trusted-proxies=127\\\\.0\\\\.0\\\\.1|0:0:0:0:0:0:0:1")
class TrustedProxyTest {

    @LocalServerPort
    int port;

    @Test
    void behindAListedHttpsProxyTheSessionCookieIsSecureAndBrowsersAreToldToStayOnHttps() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/register"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID=")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("Secure", "HttpOnly"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).get().asString().startsWith("max-age=");
    }
}
