package vn.ntm.portal.shell;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;

/** The languages of the portal: Vietnamese first, English second. */
public final class PortalLocales {

    public static final Locale VIETNAMESE = Locale.of("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(VIETNAMESE, ENGLISH);
    static final String COOKIE = "portal-lang";

    private PortalLocales() {
    }

    public static Locale matching(@Nullable Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? ENGLISH : VIETNAMESE;
    }

    /** The language chosen earlier in this browser, else Vietnamese (not the browser's language: most phones say English). */
    static Locale chosen(@Nullable VaadinRequest request) {
        if (request != null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return matching(Locale.forLanguageTag(cookie.getValue()));
                }
            }
        }
        return VIETNAMESE;
    }

    static void remember(Locale locale) {
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(locale);
    }
}
