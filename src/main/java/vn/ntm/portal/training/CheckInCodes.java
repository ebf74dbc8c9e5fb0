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
        if (code == null || !code.strip().matches("\\d{6}")) {
            return false;
        }
        String typed = code.strip();
        long window = window(now);
        return typed.equals(code(sessionId, window)) || typed.equals(code(sessionId, window - 1));
    }

    private long window(Instant now) {
        return now.getEpochSecond() / rotationSeconds;
    }

    private String code(long sessionId, long window) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(ByteBuffer.allocate(16).putLong(sessionId).putLong(window).array());
            int value = ByteBuffer.wrap(digest, 0, 4).getInt() & 0x7fffffff;
            return String.format("%06d", value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
