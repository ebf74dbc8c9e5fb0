package vn.ntm.portal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a phone on a slow network downloads, against the packaged production bundle: big text goes out compressed,
 * the build's hashed files are kept a year, the page itself is never kept (docs/PERFORMANCE.md has the figures).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the demo data like the other browser tests: the same context, and the embedded database they share never gets a
// bootstrap administrator that the demo's 'admin' would then collide with
@org.springframework.test.context.ActiveProfiles("demo")
class PageWeightIT {

    private static final Pattern BUILD_SCRIPT = Pattern.compile("src=\"\\./(VAADIN/build/[^\"]+\\.js)\"");
    private static final Pattern STYLESHEET = Pattern.compile("href=\"\\./(lumo/lumo\\.css[^\"]*)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void theSignInPageIsAFewKilobytesThatNeedNoBuildFile() throws Exception {
        HttpResponse<byte[]> page = getBytes("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().length).as("the page as it goes over the wire").isLessThan(3_000);
        assertThat(new String(page.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("VAADIN/build", "<script");
    }

    @Test
    void aUiPageIsNeverKeptButTheBuildFilesItNamesAreKeptAYear() throws Exception {
        HttpResponse<String> page = get("/register");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");

        Matcher script = BUILD_SCRIPT.matcher(page.body());
        assertThat(script.find()).as("the page names its build script").isTrue();
        HttpResponse<byte[]> build = getBytes("/" + script.group(1));
        assertThat(build.statusCode()).isEqualTo(200);
        assertThat(build.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void aMissingBuildFileIsNotKeptAYear() throws Exception {
        HttpResponse<byte[]> missing = getBytes("/VAADIN/build/no-such-file-0000.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void theLumoStylesheetReachesAPhoneCompressed() throws Exception {
        Matcher stylesheet = STYLESHEET.matcher(get("/register").body());
        assertThat(stylesheet.find()).isTrue();
        HttpResponse<byte[]> css = getBytes("/" + stylesheet.group(1));
        assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
        // 229 KB as it is
        assertThat(css.body().length).isLessThan(60_000);
    }

    @Test
    void theUisJsonAnswersGoOutCompressed() throws Exception {
        HttpResponse<byte[]> init = getBytes("/?v-r=init&location=register&query=");
        assertThat(init.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(init.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void theIconsComeInOneSmallCompressedSpriteNotVaadinsWholeSet() throws Exception {
        HttpResponse<byte[]> sprite = getBytes("/icons/portal-icons.svg");
        assertThat(sprite.statusCode()).isEqualTo(200);
        assertThat(sprite.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(sprite.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(sprite.body().length).isLessThan(8_000);
        // the build no longer carries the 600-icon set: its chunk was 250 KB
        Matcher script = BUILD_SCRIPT.matcher(get("/register").body());
        assertThat(script.find()).isTrue();
        assertThat(get("/" + script.group(1)).body()).doesNotContain("vaadin-iconset");
    }

    /**
     * The trainee's catalog and a lesson are plain HTML like the sign-in page: a few kilobytes over the wire and no
     * build file of the UI, so that a phone on 3G shows them at once (they were 305 KB and 264 KB as UI views).
     */
    @Test
    void theTraineesCatalogAndALessonAreAFewKilobytesThatNeedNoBuildFile() throws Exception {
        HttpClient trainee = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> signedIn = trainee.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://localhost:" + port)
                .POST(HttpRequest.BodyPublishers.ofString("username=hocvien&password=Demo%402026")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<byte[]> catalog = trainee.send(request("/catalog"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(catalog.statusCode()).isEqualTo(200);
        assertThat(catalog.body().length).as("the catalog as it goes over the wire").isLessThan(8_000);
        String catalogText = text("/catalog", trainee);
        assertThat(catalogText).doesNotContain("VAADIN/build", "<script", "lumo");

        // a lesson of the first module: enrolled by the form the page offers, if not already
        Matcher module = Pattern.compile("href=\"(module/[0-9]+)\"").matcher(catalogText);
        assertThat(module.find()).isTrue();
        String modulePage = text("/" + module.group(1), trainee);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(modulePage);
        if (modulePage.contains("id=\"enrol\"") && token.find()) {
            trainee.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + module.group(1) + "/enrol"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://localhost:" + port)
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.discarding());
            modulePage = text("/" + module.group(1), trainee);
        }
        Matcher lesson = Pattern.compile("href=\"(lesson/[0-9]+)\"").matcher(modulePage);
        assertThat(lesson.find()).as("the enrolled trainee's module page links its lessons").isTrue();
        HttpResponse<byte[]> lessonPage = trainee.send(request("/" + lesson.group(1)), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(lessonPage.statusCode()).isEqualTo(200);
        assertThat(lessonPage.body().length).as("the lesson as it goes over the wire").isLessThan(10_000);
        assertThat(text("/" + lesson.group(1), trainee)).doesNotContain("VAADIN/build", "lumo");
    }

    private String text(String path, HttpClient client) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Read as text: asks for no compression. */
    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String path) {
        // gzip only: what Tomcat compresses with; the build's scripts are stored Brotli-compressed and sent as such
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Encoding", "gzip").build();
    }
}
