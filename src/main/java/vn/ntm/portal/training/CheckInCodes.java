package vn.ntm.portal.training;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The rotating check-in code of a session: six digits derived from a server secret, the session and the current
 * time window, so that nothing needs storing and a code read out in a meeting expires by itself. The code of the
 * previous window is still accepted, so that someone typing it as it changes is not turned away.
 */
@Component
public class CheckInCodes {

    private final byte[] secret;
    private final long rotationSeconds;

    CheckInCodes(@Value("${portal.checkin.secret:}") String secret,
                 @Value("${portal.checkin.rotation-seconds:30}") long rotationSeconds) {
        if (secret.isBlank()) {
            this.secret = new byte[32];
            new SecureRandom().nextBytes(this.secret);
        } else {
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
        }
        this.rotationSeconds = Math.max(5, rotationSeconds);
    }

    public String current(long sessionId, Instant now) {
        return code(sessionId, window(now));
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
        long window = window(now);
        return typed.equals(code(sessionId, window)) || typed.equals(code(sessionId, window - 1));
    }

    private long window(Instant now) {
        return now.getEpochSecond() / rotationSeconds;
    }

    /** One keyed MAC per thread: creating one per code costs more than computing the code. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String code(long sessionId, long window) {
        try {
            byte[] digest = macs.get().doFinal(ByteBuffer.allocate(16).putLong(sessionId).putLong(window).array());
            int value = ByteBuffer.wrap(digest, 0, 4).getInt() & 0x7fffffff;
            String digits = Integer.toString(value % 1_000_000);
            return "000000".substring(digits.length()) + digits;
        } catch (IllegalStateException e) {
            macs.remove();
            throw e;
        }
    }
}
