package vn.ntm.portal.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.portal.common.PlainPage;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The sign-in page as plain HTML, like the check-in page: it is the first page every user opens, often on a phone
 * over 3G, so it must show at once rather than after the UI's scripts have loaded. The form posts to Spring
 * Security's sign-in; after a failure the page comes back with one message for every failure (whether an account
 * exists is never told), the login name that was typed, and the cursor in the password.
 */
@RestController
class LoginPageController {

    static final String LANGUAGE_COOKIE = "portal-lang";
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final LoginThrottle throttle;

    LoginPageController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/" + SecurityConfig.LOGIN_ROUTE)
    ResponseEntity<String> page(@RequestParam(name = "lang", required = false) @Nullable String lang,
                                HttpServletRequest request, HttpServletResponse response) {
        if (signedIn()) {
            return ResponseEntity.status(302).header("Location", request.getContextPath() + "/").build();
        }
        Locale locale = lang != null ? remember(lang, request, response) : chosen(request);
        PlainPage page = new PlainPage(locale);
        languages(page);
        page.heading(page.t("app.name")).paragraph(page.t("app.tagline"), "muted");
        page.raw("<h2>" + PlainPage.esc(page.t("login.title")) + "</h2>");
        if (request.getParameter("registered") != null) {
            page.raw("<p class=\"ok\" id=\"registered\" role=\"status\">" + PlainPage.esc(page.t("login.registeredReceived")) + "</p>");
        }
        String failure = failure(page, request);
        if (failure != null) {
            page.raw("<p class=\"err\" id=\"login-error\" role=\"alert\"><strong>" + PlainPage.esc(page.t("login.error.title"))
                    + "</strong><br>" + PlainPage.esc(failure) + "</p>");
        }
        @Nullable String typed = failure == null ? null : LoginNameMemory.lastTried(request.getSession(false));
        form(page, typed);
        page.raw("<p><a id=\"register-link\" href=\"register\">" + PlainPage.esc(page.t("login.register")) + "</a></p>");
        return ResponseEntity.ok().contentType(HTML).header("Cache-Control", "no-store").body(page.html(page.t("login.title")));
    }

    /** The message for the failed try this page follows, if it follows one. */
    private @Nullable String failure(PlainPage page, HttpServletRequest request) {
        if (request.getParameter("missing") != null) {
            return page.t("login.error.missing");
        }
        if (request.getParameter("error") == null) {
            return null;
        }
        HttpSession session = request.getSession(false);
        boolean throttled = session != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LoginThrottledException;
        return throttled ? page.t("login.error.throttled", throttle.lockMinutes()) : page.t("login.error.message");
    }

    private static void form(PlainPage page, @Nullable String typed) {
        // novalidate: an empty field is answered by the portal in the reader's language, not by the browser in its own
        page.raw("<form method=\"post\" action=\"" + SecurityConfig.LOGIN_ROUTE + "\" novalidate>"
                + "<label for=\"username\">" + PlainPage.esc(page.t("login.username")) + "</label>"
                + "<input id=\"username\" name=\"username\" autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\""
                + " maxlength=\"200\" value=\"" + PlainPage.esc(typed) + "\">"
                + "<label for=\"password\">" + PlainPage.esc(page.t("login.password")) + "</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
                + (typed != null ? " autofocus" : "") + ">"
                + "<button id=\"sign-in\" type=\"submit\">" + PlainPage.esc(page.t("login.submit")) + "</button></form>");
    }

    private static void languages(PlainPage page) {
        boolean english = page.locale().getLanguage().equals("en");
        page.raw("<nav aria-label=\"" + PlainPage.esc(page.t("shell.language")) + "\">"
                + "<a href=\"?lang=vi\" lang=\"vi\"" + (english ? "" : " aria-current=\"true\"") + ">Tiếng Việt</a> · "
                + "<a href=\"?lang=en\" lang=\"en\"" + (english ? " aria-current=\"true\"" : "") + ">English</a></nav>");
    }

    /** The language chosen earlier in this browser (the UI's cookie), else Vietnamese. */
    static Locale chosen(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (LANGUAGE_COOKIE.equals(cookie.getName())) {
                    return "en".equals(cookie.getValue()) ? Locale.ENGLISH : Locale.of("vi");
                }
            }
        }
        return Locale.of("vi");
    }

    /** Keeps the choice for the whole portal, in the same cookie the UI's language menu sets. */
    private static Locale remember(String lang, HttpServletRequest request, HttpServletResponse response) {
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.of("vi");
        Cookie cookie = new Cookie(LANGUAGE_COOKIE, locale.getLanguage());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return locale;
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
