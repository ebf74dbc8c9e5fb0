package vn.ntm.portal.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.ntm.portal.cluster.SharedSecrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * A browser a person signed in from before: after a successful sign-in through the login page it gets a cookie
 * naming the login, its expiry and an HMAC of both. Such a browser is not stopped by the failures others cause
 * for that login name (see {@link LoginThrottle}), so guessing someone's password cannot lock them out of
 * their own browser.
 */
@Component
public class KnownDevices {

    static final String COOKIE = "NTM_DEVICE";
    private static final Duration LIFETIME = Duration.ofDays(90);
    private static final int MAX_COOKIE_LENGTH = 600;

    private final byte @Nullable [] fixedKey;
    private final SharedSecrets shared;
    private final Clock clock;

    KnownDevices(@Value("${portal.login.device-secret:}") String secret, SharedSecrets shared, Clock clock) {
        this.clock = clock;
        this.shared = shared;
        // without a configured key, the key is kept in the database: every node, and the next start, accepts the cookie
        this.fixedKey = secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] key() {
        byte[] fixed = fixedKey;
        return fixed != null ? fixed : shared.get("known-device").current();
    }

    /** True when the current request comes from a browser that signed in as this login name before. */
    public boolean isKnown(String login) {
        HttpServletRequest request = currentRequest();
        if (request == null || request.getCookies() == null) {
            return false;
        }
        String typed = LoginThrottle.loginKey(login);
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().length() <= MAX_COOKIE_LENGTH) {
                String[] logins = verified(cookie.getValue());
                if (logins != null && (logins[0].equals(typed) || logins[1].equals(typed))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * After a sign-in through the login page (not HTTP Basic: scripts keep no cookies), marks the current browser as
     * known for this login, as typed and as the account's own name.
     */
    void rememberAfterFormSignIn(String typedLogin, String username) {
        HttpServletRequest request = currentRequest();
        HttpServletResponse response = currentResponse();
        if (request == null || response == null || response.isCommitted() || !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + "/" + SecurityConfig.LOGIN_ROUTE)) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, cookieFor(typedLogin, username, clock.instant().plus(LIFETIME).getEpochSecond()));
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath("/");
        cookie.setMaxAge((int) LIFETIME.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** The cookie's value: both login keys and the expiry, then their HMAC. */
    String cookieFor(String typedLogin, String username, long expiresEpochSecond) {
        String payload = encode(LoginThrottle.loginKey(typedLogin)) + "." + encode(LoginThrottle.loginKey(username)) + "." + expiresEpochSecond;
        return payload + "." + sign(payload);
    }

    private String @Nullable [] verified(String value) {
        int last = value.lastIndexOf('.');
        if (last < 0) {
            return null;
        }
        String payload = value.substring(0, last);
        byte[] given = value.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, sign(payload).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        String[] parts = payload.split("\\.");
        try {
            if (parts.length != 3 || Long.parseLong(parts[2]) < clock.instant().getEpochSecond()) {
                return null;
            }
            return new String[] {decode(parts[0]), decode(parts[1])};
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes ? attributes.getRequest() : null;
    }

    private static @Nullable HttpServletResponse currentResponse() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes ? attributes.getResponse() : null;
    }
}
