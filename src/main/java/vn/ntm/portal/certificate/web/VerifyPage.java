package vn.ntm.portal.certificate.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The verification page as plain HTML, like the check-in page: no script, a few kilobytes, readable on any phone
 * that scanned the QR code. Every text from the database is escaped.
 */
final class VerifyPage {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;padding:16px;max-width:34rem;margin:auto;color:#1b1b1b;line-height:1.4}
            h1{font-size:1.25rem;color:#1b5e20;margin:.2rem 0 .6rem}p{margin:.4rem 0}label{display:block;margin:.8rem 0 .2rem;font-weight:600}
            input{width:100%;box-sizing:border-box;font-size:1.1rem;padding:.6rem;border:1px solid #999;border-radius:6px}
            button{width:100%;margin-top:1rem;font-size:1.1rem;padding:.7rem;border:0;border-radius:6px;background:#2e7d32;color:#fff}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem .8rem;margin:.8rem 0}dt{color:#555}dd{margin:0;font-weight:600}
            .ok{background:#e8f5e9;border-left:4px solid #2e7d32;padding:.6rem}.err{background:#fdecea;border-left:4px solid #c62828;padding:.6rem}
            .muted{color:#555;font-size:.9rem}""";

    private final ResourceBundle texts;
    private final Locale locale;
    private final StringBuilder body = new StringBuilder();

    VerifyPage(Locale locale) {
        this.locale = locale;
        this.texts = ResourceBundle.getBundle("vaadin-i18n/translations", locale);
    }

    String t(String key, Object... args) {
        String pattern = texts.containsKey(key) ? texts.getString(key) : key;
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    VerifyPage heading(String text) {
        body.append("<h1>").append(esc(text)).append("</h1>");
        return this;
    }

    VerifyPage paragraph(String text, @Nullable String cssClass) {
        body.append(cssClass == null ? "<p>" : "<p class=\"" + cssClass + "\">").append(esc(text)).append("</p>");
        return this;
    }

    VerifyPage facts(String[][] rows) {
        body.append("<dl>");
        for (String[] row : rows) {
            if (row[1] != null && !row[1].isEmpty()) {
                body.append("<dt>").append(esc(row[0])).append("</dt><dd>").append(esc(row[1])).append("</dd>");
            }
        }
        body.append("</dl>");
        return this;
    }

    VerifyPage raw(String html) {
        body.append(html);
        return this;
    }

    static String esc(@Nullable String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    String html() {
        return "<!doctype html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>"
                + esc(t("verify.title")) + "</title><style>" + STYLE + "</style></head><body>" + body + "</body></html>";
    }
}
