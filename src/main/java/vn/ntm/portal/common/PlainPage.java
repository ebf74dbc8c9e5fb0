package vn.ntm.portal.common;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A page as plain HTML: no JavaScript, no framework, a few kilobytes, so that it opens at once on a cheap phone on a
 * slow connection (the check-in page, the sign-in page). Texts come from the same translation files as the rest of
 * the portal; everything put in goes through {@link #esc} unless it is markup built here.
 */
public final class PlainPage {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;padding:16px;max-width:28rem;margin:auto;color:#1b1b1b;line-height:1.4}
            h1{font-size:1.25rem;color:#1b5e20;margin:.2rem 0 .6rem}h2{font-size:1.1rem;margin:1rem 0 .4rem}p{margin:.4rem 0}
            label{display:block;margin:.8rem 0 .2rem;font-weight:600}
            input{width:100%;box-sizing:border-box;font-size:1.1rem;padding:.6rem;border:1px solid #767676;border-radius:6px}
            button{width:100%;margin-top:1rem;font-size:1.1rem;padding:.7rem;border:0;border-radius:6px;background:#2e7d32;color:#fff}
            a{color:#1b5e20;display:inline-block;min-height:24px;padding:2px 0}nav{text-align:right;font-size:.95rem}
            .ok{background:#e8f5e9;border-left:4px solid #2e7d32;padding:.6rem}.err{background:#fdecea;border-left:4px solid #c62828;padding:.6rem}
            .muted{color:#555;font-size:.9rem}""";

    private final ResourceBundle texts;
    private final Locale locale;
    private final StringBuilder body = new StringBuilder();
    private final StringBuilder head = new StringBuilder();
    private final StringBuilder header = new StringBuilder();
    private String extraStyle = "";

    public PlainPage(Locale locale) {
        this.locale = locale;
        this.texts = ResourceBundle.getBundle("vaadin-i18n/translations", locale);
    }

    public Locale locale() {
        return locale;
    }

    /** A translated text; the key itself when it is missing (the translations test keeps that from happening). */
    public String t(String key, Object... args) {
        String pattern = texts.containsKey(key) ? texts.getString(key) : key;
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public PlainPage heading(String text) {
        body.append("<h1>").append(esc(text)).append("</h1>");
        return this;
    }

    public PlainPage paragraph(String text, @Nullable String cssClass) {
        body.append(cssClass == null ? "<p>" : "<p class=\"" + cssClass + "\">").append(esc(text)).append("</p>");
        return this;
    }

    /** Markup built by the caller, with every text in it escaped. */
    public PlainPage raw(String html) {
        body.append(html);
        return this;
    }

    public static String esc(@Nullable String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /**
     * Relative links resolve from the portal's root, as in the UI: lesson texts link their pictures as
     * {@code files/...} whatever page shows them.
     */
    public PlainPage base(String href) {
        head.append("<base href=\"").append(esc(href)).append("\">");
        return this;
    }

    /** More rules after the common ones, for a page that needs them. */
    public PlainPage style(String css) {
        extraStyle += css;
        return this;
    }

    /** A script file of the portal's own, loaded after the page shows (the policy allows no inline script). */
    public PlainPage script(String src) {
        head.append("<script defer src=\"").append(esc(src)).append("\"></script>");
        return this;
    }

    /** Markup that goes before the {@code <main>} landmark, such as the way back to the portal. */
    public PlainPage header(String html) {
        header.append(html);
        return this;
    }

    /** The whole document, its body inside the page's one {@code <main>} landmark. */
    public String html(String title) {
        return "<!doctype html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + esc(title)
                + "</title>" + head + "<style>" + STYLE + extraStyle + "</style></head><body>" + header + "<main>" + body
                + "</main></body></html>";
    }

    /** The language chosen in this browser (the cookie the UI's language menu and the sign-in page set), else Vietnamese. */
    public static Locale chosenLocale(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if ("portal-lang".equals(cookie.getName())) {
                    return "en".equals(cookie.getValue()) ? Locale.ENGLISH : Locale.of("vi");
                }
            }
        }
        return Locale.of("vi");
    }
}
