package vn.ntm.portal.training.checkin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import vn.ntm.portal.training.CheckInClient;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A random id the check-in page gives each phone (a cookie for the check-in page only), so that the limits can
 * tell the phones of one commune hall's Wi-Fi apart. It identifies a browser, not a person, and is kept nowhere
 * but in the limits' counters in memory.
 */
final class DeviceCookie {

    static final String NAME = "ntm-device";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceCookie() {
    }

    static @Nullable String of(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (NAME.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** The client as the limits see it; the address is the connection's (forwarded ones only from trusted proxies). */
    static CheckInClient client(HttpServletRequest request) {
        return CheckInClient.browser(of(request), request.getRemoteAddr());
    }

    /** A new device cookie when the phone has none yet (HttpOnly, SameSite=Lax, Secure behind HTTPS, a year). */
    static Optional<String> issue(HttpServletRequest request) {
        String current = of(request);
        if (current != null && current.length() == 22) {
            return Optional.empty();
        }
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return Optional.of(ResponseCookie.from(NAME, Base64.getUrlEncoder().withoutPadding().encodeToString(id))
                .path("/checkin").httpOnly(true).sameSite("Lax").secure(request.isSecure()).maxAge(Duration.ofDays(365))
                .build().toString());
    }
}
