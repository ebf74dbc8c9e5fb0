package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ntm.portal.cluster.SharedSecrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rotating check-in code of a session: six digits derived from a secret, the session and the current time
 * window, so that nothing needs storing and a code read out in a meeting expires by itself. The code of the previous
 * window is still accepted, so that someone typing it as it changes is not turned away.
 * <p>
 * The secret is the same on every portal node: kept in the database ({@link SharedSecrets}, generated on first use),
 * unless {@code portal.checkin.secret} fixes it. A phone's check-in may reach another node than the one showing the
 * board. After a rotation ({@link CheckInSecretService}) codes of the old secret are accepted for two more windows,
 * and a node whose copy is a few seconds old reads the secret again before refusing a code.
 */
@Component
public class CheckInCodes {

    static final String SECRET_NAME = "checkin-code";

    private final @Nullable SharedSecrets shared;
    private final byte @Nullable [] fixed;
    private final long rotationSeconds;
    /** Wall-clock millis of the last re-read forced by an unknown code: at most one a second, whatever is typed. */
    private final AtomicLong lastForcedRead = new AtomicLong();

    @Autowired
    CheckInCodes(SharedSecrets shared, @Value("${portal.checkin.secret:}") String secret,
                 @Value("${portal.checkin.rotation-seconds:30}") long rotationSeconds) {
        this.shared = secret.isBlank() ? shared : null;
        this.fixed = secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.rotationSeconds = Math.max(5, rotationSeconds);
    }

    /** Codes of a fixed secret (the external benchmark and fault tests compute codes with the portal's secret). */
    public CheckInCodes(String secret, long rotationSeconds) {
        this.shared = null;
        this.fixed = secret.getBytes(StandardCharsets.UTF_8);
        this.rotationSeconds = Math.max(5, rotationSeconds);
    }

    public String current(long sessionId, Instant now) {
        return code(keys().current(), sessionId, window(now));
    }

    public long secondsLeft(Instant now) {
        return rotationSeconds - (now.getEpochSecond() % rotationSeconds);
    }

    public long rotationSeconds() {
        return rotationSeconds;
    }

    public boolean accepts(long sessionId, String code, Instant now) {
        if (code == null) {
            return false;
        }
        // the board shows the code in two groups ("119 167"), so people type it that way: separators do not count
        String typed = code.replaceAll("[\\s\\p{Z}.,\\-_/·]", "");
        if (typed.length() != 6 || !typed.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return false;
        }
        SharedSecrets.Secret keys = keys();
        if (matches(keys, sessionId, typed, now)) {
            return true;
        }
        // rotated on another node a moment ago? read the secret again, at most once a second on this node
        long nowMillis = System.currentTimeMillis();
        long last = lastForcedRead.get();
        if (shared != null && nowMillis - last >= 1_000 && lastForcedRead.compareAndSet(last, nowMillis)) {
            try {
                SharedSecrets.Secret fresh = shared.reload(SECRET_NAME);
                return !java.util.Arrays.equals(fresh.current(), keys.current()) && matches(fresh, sessionId, typed, now);
            } catch (RuntimeException notReadNow) {
                // no connection to spare (a burst) or the database away: the code is judged by the copy, as above
                return false;
            }
        }
        return false;
    }

    private boolean matches(SharedSecrets.Secret keys, long sessionId, String typed, Instant now) {
        long window = window(now);
        if (typed.equals(code(keys.current(), sessionId, window)) || typed.equals(code(keys.current(), sessionId, window - 1))) {
            return true;
        }
        byte[] previous = keys.previous();
        boolean previousStillValid = previous != null
                && now.isBefore(keys.rotatedAt().plusSeconds(2 * rotationSeconds));
        return previousStillValid && (typed.equals(code(previous, sessionId, window)) || typed.equals(code(previous, sessionId, window - 1)));
    }

    private SharedSecrets.Secret keys() {
        return shared != null ? shared.get(SECRET_NAME) : new SharedSecrets.Secret(fixed, null, Instant.EPOCH);
    }

    private long window(Instant now) {
        return now.getEpochSecond() / rotationSeconds;
    }

    /** One MAC per thread, keyed again only when the secret changes: creating one per code costs more than the code. */
    private final ThreadLocal<KeyedMac> macs = new ThreadLocal<>();

    private record KeyedMac(byte[] key, Mac mac) {
    }

    private Mac macFor(byte[] key) {
        KeyedMac keyed = macs.get();
        if (keyed == null || keyed.key() != key) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                keyed = new KeyedMac(key, mac);
                macs.set(keyed);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return keyed.mac();
    }

    private String code(byte[] key, long sessionId, long window) {
        try {
            byte[] digest = macFor(key).doFinal(ByteBuffer.allocate(16).putLong(sessionId).putLong(window).array());
            int value = ByteBuffer.wrap(digest, 0, 4).getInt() & 0x7fffffff;
            String digits = Integer.toString(value % 1_000_000);
            return "000000".substring(digits.length()) + digits;
        } catch (IllegalStateException e) {
            macs.remove();
            throw e;
        }
    }
}
