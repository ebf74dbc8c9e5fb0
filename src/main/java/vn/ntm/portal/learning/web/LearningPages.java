package vn.ntm.portal.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfToken;
import vn.ntm.portal.common.PlainPage;
import vn.ntm.portal.common.ValidationException;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import static vn.ntm.portal.common.PlainPage.esc;

/**
 * What the trainee's plain pages (catalog, module, lesson) share: the page frame with the way back to the portal, the
 * form token, and the refusal page. These pages carry no UI framework: a few kilobytes that show at once on a cheap
 * phone over 3G; the services behind them decide who may see what, exactly as for the UI.
 */
final class LearningPages {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    /** Refusals that mean "there is no such thing" rather than "not for you". */
    private static final Set<String> NOT_FOUND = Set.of("curriculum.error.moduleNotFound", "curriculum.error.lessonNotFound",
            "learning.error.attemptNotFound");

    static final String STYLE = "body{max-width:48rem}header{display:flex;flex-wrap:wrap;gap:.2rem 1rem;max-width:48rem;"
            + "margin:auto;padding:8px 16px 0;font-size:.95rem}header a{color:#1b5e20;padding:4px 0;min-height:24px}"
            + "button{width:auto;min-height:44px;padding:.55rem 1.1rem}.link-button{display:inline-block;padding:.6rem 1.1rem;"
            + "background:#2e7d32;color:#fff;border-radius:6px;text-decoration:none;min-height:24px}"
            + ".secondary{background:#fff;color:#1b5e20;border:1px solid #2e7d32}"
            + ".actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.8rem 0}.actions form{margin:0}"
            + ".actions button{margin:0}img,video,iframe,table{max-width:100%}"
            + ".lesson-html{overflow-wrap:anywhere}.lesson-html table{display:block;overflow-x:auto}"
            + "progress{width:100%;height:12px}.badge{display:inline-block;background:#e8f5e9;color:#1b5e20;border-radius:12px;"
            + "padding:2px 10px;font-weight:600}.badge.bad{background:#fdecea;color:#b71c1c}";

    private LearningPages() {
    }

    /** A page in the reader's language, with the way back to the portal's home, "my learning" and the catalog. */
    static PlainPage page(HttpServletRequest request) {
        PlainPage page = new PlainPage(PlainPage.chosenLocale(request));
        page.base(request.getContextPath() + "/").style(STYLE);
        page.header("<header><a id=\"nav-home\" href=\"./\">" + esc(page.t("nav.home")) + "</a>"
                + "<a id=\"nav-my-learning\" href=\"my-learning\">" + esc(page.t("nav.myLearning")) + "</a>"
                + "<a id=\"nav-catalog\" href=\"catalog\">" + esc(page.t("nav.catalog")) + "</a></header>");
        return page;
    }

    static ResponseEntity<String> html(PlainPage page, int status, String titleKey) {
        return titled(page, status, page.t(titleKey));
    }

    /** A page whose tab shows what it is about (the module's or the lesson's title) and the portal's name. */
    static ResponseEntity<String> titled(PlainPage page, int status, String title) {
        return ResponseEntity.status(status).contentType(HTML).header("Cache-Control", "no-store")
                .body(page.html(title + " · " + page.t("app.name")));
    }

    /** The hidden field that proves a form was posted from the portal's own page. */
    static String csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : "<input type=\"hidden\" name=\"" + esc(token.getParameterName()) + "\" value=\""
                + esc(token.getToken()) + "\">";
    }

    /** A one-button form that posts to the portal (enrol, mark as read, start the quiz). */
    static String postButton(HttpServletRequest request, String action, String id, String label, boolean secondary) {
        return "<form method=\"post\" action=\"" + esc(action) + "\">" + csrf(request) + "<button id=\"" + id + "\""
                + (secondary ? " class=\"secondary\"" : "") + " type=\"submit\">" + esc(label) + "</button></form>";
    }

    /**
     * What the UI showed when a module or lesson may not be opened: a clear page in the reader's language with the
     * service's reason, 404 for what does not exist, 403 for what is not theirs to open; never a stack trace.
     */
    static ResponseEntity<String> refused(HttpServletRequest request, RuntimeException why, String idPrefix) {
        PlainPage page = page(request);
        int status;
        String message;
        if (why instanceof ValidationException refusal) {
            status = NOT_FOUND.contains(refusal.messageKey()) ? 404 : 403;
            message = page.t(refusal.messageKey(), refusal.arguments());
        } else if (why instanceof AccessDeniedException) {
            status = 403;
            message = page.t("error.denied.message");
        } else {
            throw why;
        }
        page.heading(page.t(status == 404 ? "error.notFound.title" : "error.refused.title"));
        page.raw("<p class=\"err\" id=\"" + idPrefix + "-error\" data-outcome=\"refused\" role=\"alert\">" + esc(message) + "</p>");
        page.raw("<p><a href=\"catalog\">" + esc(page.t("learning.backToCatalog")) + "</a></p>");
        return html(page, status, status == 404 ? "error.notFound.title" : "error.refused.title");
    }
}
