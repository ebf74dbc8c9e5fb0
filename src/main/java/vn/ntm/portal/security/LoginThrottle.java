package vn.ntm.portal.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ntm.portal.common.PhoneNumbers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows down password guessing without giving anyone a switch that locks the rightful owner out
 * (docs/SECURITY.md, "Sign-in, throttling and registration"):
 * <ul>
 *     <li>one login name from one client address: {@code max-failures} failures, then a pause of {@code lock-minutes};</li>
 *     <li>one client address, whatever the login names: four times as many (a commune office shares one address);</li>
 *     <li>one login name from anywhere: ten times as many, against guessing spread over many addresses;</li>
 *     <li>a browser this login name signed in from before (a known device) has its own allowance and is never
 *     stopped by the failures of others.</li>
 * </ul>
 * The tables are bounded in size and forget entries after the pause, so made-up login names cannot fill the heap.
 */
@Component
public class LoginThrottle {

    /** Entries kept at most per table; far above a real portal's traffic in a quarter of an hour (see SECURITY.md). */
    static final long MAX_ENTRIES = 50_000;

    private final int maxFailures;
    private final Duration lock;
    private final Clock clock;
    private final Cache<String, Failures> byKey;

    LoginThrottle(@Value("${portal.login.max-failures:5}") int maxFailures,
                  @Value("${portal.login.lock-minutes:15}") long lockMinutes, Clock clock) {
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
        this.clock = clock;
        this.byKey = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(lock).build();
    }

    public boolean isBlocked(String login, String clientAddress, boolean knownDevice) {
        String user = loginKey(login);
        if (knownDevice) {
            return reached("known:" + user, maxFailures * 2);
        }
        return reached("pair:" + user + "|" + clientAddress, maxFailures)
                || reached("ip:" + clientAddress, maxFailures * 4)
                || reached("user:" + user, maxFailures * 10);
    }

    public void recordFailure(String login, String clientAddress, boolean knownDevice) {
        String user = loginKey(login);
        if (knownDevice) {
            record("known:" + user);
            return;
        }
        record("pair:" + user + "|" + clientAddress);
        record("ip:" + clientAddress);
        record("user:" + user);
    }

    public void recordSuccess(String login, String clientAddress) {
        String user = loginKey(login);
        byKey.invalidate("pair:" + user + "|" + clientAddress);
        byKey.invalidate("known:" + user);
    }

    /** Minutes a blocked person should wait; shown in the message. */
    public long lockMinutes() {
        return lock.toMinutes();
    }

    /** Entries currently held, for the test that floods the throttle. */
    long size() {
        byKey.cleanUp();
        return byKey.estimatedSize();
    }

    private boolean reached(String key, int limit) {
        Failures failures = byKey.getIfPresent(key);
        if (failures == null) {
            return false;
        }
        if (failures.since.plus(lock).isBefore(clock.instant())) {
            byKey.asMap().remove(key, failures);
            return false;
        }
        return failures.count >= limit;
    }

    private void record(String key) {
        Instant now = clock.instant();
        byKey.asMap().compute(key, (k, old) -> old == null || old.since.plus(lock).isBefore(now)
                ? new Failures(1, now) : new Failures(old.count + 1, old.since));
    }

    /** One key per person whatever way they write their login: a phone in any form counts as the same phone. */
    static String loginKey(String login) {
        String phone = PhoneNumbers.normalize(login);
        return phone != null ? phone : login.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant since) {
    }
}
