package vn.ntm.portal.curriculum;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Lesson text is HTML, written in the WYSIWYG editor and cleaned on the server with an allow-list before it is stored
 * and again before it is shown: headings, paragraphs, lists, bold / italic / underline, quotes, tables, links (http,
 * https and mailto only, with rel="nofollow") and images served by the portal itself (a path without a scheme or
 * host). Everything else - scripts, event-handler attributes, javascript: URLs, iframes, objects, forms, style
 * attributes and elements - is dropped, keeping the text inside.
 * <p>
 * Markdown (the seed lessons, and programme files exported before lessons became HTML) is turned into HTML once, on
 * import, by {@link #fromMarkdown}: raw HTML inside the Markdown is escaped, then the result goes through the same
 * allow-list.
 */
public final class LessonHtml {

    /** A path on this site: no scheme, not protocol-relative, no backslash (which browsers read as a slash). */
    private static final Pattern PORTAL_PATH = Pattern.compile("(?![A-Za-z][A-Za-z0-9+.-]*:)(?![/\\\\]{2})[^\\s\\\\]+");
    private static final Pattern SMALL_NUMBER = Pattern.compile("[1-9][0-9]{0,3}");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "b", "em", "i", "u",
                    "s", "sub", "sup", "blockquote", "hr", "pre", "code",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img")
            .allowAttributes("href").onElements("a")
            .allowStandardUrlProtocols()
            .requireRelNofollowOnLinks()
            .allowAttributes("src").matching(PORTAL_PATH).onElements("img")
            .allowAttributes("alt", "title").onElements("img", "a")
            .allowAttributes("width", "height").matching(SMALL_NUMBER).onElements("img")
            .allowAttributes("colspan", "rowspan").matching(SMALL_NUMBER).onElements("td", "th")
            .toFactory();

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    private LessonHtml() {
    }

    /** The allowed part of the HTML; blank input gives "". */
    public static String sanitize(@Nullable String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return POLICY.sanitize(html).strip();
    }

    /** Markdown as sanitized HTML; any HTML written inside the Markdown comes out as visible text. */
    public static String fromMarkdown(@Nullable String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return sanitize(RENDERER.render(MARKDOWN.parse(markdown)));
    }

    /** Whether the HTML holds anything a reader would see (text or an image). */
    public static boolean hasContent(@Nullable String html) {
        if (html == null) {
            return false;
        }
        return html.contains("<img") || !html.replaceAll("<[^>]*>", "")
                .replaceAll("&(nbsp|#160|#[xX][aA]0);", " ").replace('\u00a0', ' ').isBlank();
    }
}
