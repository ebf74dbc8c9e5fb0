package vn.ntm.portal.curriculum;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an author (or a pasted page, or a forged request) puts into a lesson comes back without anything that runs. */
class LessonHtmlTest {

    /** Payloads seen in the wild; none may keep a way to run script or load a foreign frame or style. */
    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"/files/a.png\" onerror=\"alert(1)\" onload=alert(2)>",
            "<a href=\"javascript:alert(1)\">bấm</a>",
            "<a href=\"JaVaScRiPt&#58;alert(1)\">bấm</a>",
            "<a href=\"&#106;avascript:alert(1)\">bấm</a>",
            "<a href=\" javascript:alert(1)\">bấm</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">bấm</a>",
            "<svg onload=alert(1)><circle r=10 /></svg>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<object data=\"javascript:alert(1)\"></object><embed src=x.swf>",
            "<p style=\"background:url(javascript:alert(1))\">chữ</p>",
            "<div style=\"width: expression(alert(1))\">chữ</div>",
            "<style>body { background: url(javascript:alert(1)) }</style>",
            "<link rel=stylesheet href=//evil.example/x.css>",
            "<body onload=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<form action=\"https://evil.example\"><input name=p><button formaction=javascript:alert(1)>gửi</button></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"https://evil.example/\">",
            "<p onclick=\"alert(1)\" onmouseover=alert(2)>chữ</p>",
            "<img src=\"https://evil.example/track.gif\">",
            "<img src=\"//evil.example/track.gif\">",
            "<img src=\"/\\evil.example/track.gif\">",
            "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "<table background=\"javascript:alert(1)\"><tr><td onmouseover=alert(1)>ô</td></tr></table>",
            "<!--<img src=x onerror=alert(1)>--><p>chữ</p>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<a href=\"https://ok.example\" target=\"_blank\" onclick=\"alert(1)\">liên kết</a>",
    })
    void dangerousMarkupIsMadeSafe(String payload) {
        String safe = LessonHtml.sanitize(payload).toLowerCase();

        assertThat(safe).doesNotContain("<script", "<iframe", "<object", "<embed", "<svg", "<math", "<style", "<link",
                "<meta", "<base", "<form", "<input", "<button", "<body", "<details", "style=", "expression(", "srcdoc",
                "javascript:", "data:", "evil.example", "background=");
        assertThat(safe).doesNotContainPattern("\\son[a-z]+\\s*=");
    }

    @Test
    void formattingTheEditorProducesIsKept() {
        String html = "<h2>Tiêu đề</h2><h3>Mục</h3><p><strong>Đậm</strong>, <em>nghiêng</em>, <u>gạch chân</u>.</p>"
                + "<ul><li>một</li></ul><ol><li>hai</li></ol><blockquote><p>trích</p></blockquote>"
                + "<table><thead><tr><th colspan=\"2\">Bảng</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>"
                + "<p><img src=\"/files/lessons/12\" alt=\"Sơ đồ\"></p>";

        String safe = LessonHtml.sanitize(html);

        assertThat(safe).contains("<h2>Tiêu đề</h2>", "<h3>Mục</h3>", "<strong>Đậm</strong>", "<em>nghiêng</em>",
                "<u>gạch chân</u>", "<ul><li>một</li></ul>", "<ol><li>hai</li></ol>", "<blockquote>", "<th colspan=\"2\">Bảng</th>",
                "<td>a</td>", "<img src=\"/files/lessons/12\" alt=\"Sơ đồ\" />");
    }

    @Test
    void linksKeepHttpHttpsAndMailtoAndGetRelNofollow() {
        String safe = LessonHtml.sanitize("<a href=\"https://dichvucong.gov.vn\">DVC</a> <a href=\"http://a.vn/x\">x</a> "
                + "<a href=\"mailto:vpdp@example.vn\">thư</a> <a href=\"ftp://a.vn\">ftp</a>");

        assertThat(safe).contains("<a href=\"https://dichvucong.gov.vn\" rel=\"nofollow\">DVC</a>",
                "<a href=\"http://a.vn/x\" rel=\"nofollow\">x</a>", "<a href=\"mailto:vpdp&#64;example.vn\" rel=\"nofollow\">thư</a>");
        assertThat(safe).doesNotContain("ftp:").contains("ftp");
    }

    @Test
    void textInsideRemovedElementsStaysReadable() {
        assertThat(LessonHtml.sanitize("<div style=\"color:red\"><span class=\"x\">Nội dung</span> chính</div>"))
                .isEqualTo("Nội dung chính");
        assertThat(LessonHtml.hasContent(LessonHtml.sanitize("<p>&nbsp;</p><script>x</script>"))).isFalse();
        assertThat(LessonHtml.hasContent("<p><img src=\"/files/lessons/1\" /></p>")).isTrue();
    }

    @Test
    void markdownBecomesTheSameSafeHtmlWithItsOwnHtmlShownAsText() {
        String html = LessonHtml.fromMarkdown("## Dịch vụ công\n\n- **Toàn trình**: trên mạng\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"
                + "<script>alert(1)</script>\n\n[x](javascript:void0) ![y](https://evil.example/y.png) [DVC](https://dichvucong.gov.vn)");

        assertThat(html).contains("<h2>Dịch vụ công</h2>", "<li><strong>Toàn trình</strong>: trên mạng</li>", "<th>A</th>",
                "<td>2</td>", "&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("<a href=\"https://dichvucong.gov.vn\" rel=\"nofollow\">DVC</a>");
        assertThat(html.toLowerCase()).doesNotContain("href=\"javascript", "<script", "src=\"https://evil.example");
    }
}
