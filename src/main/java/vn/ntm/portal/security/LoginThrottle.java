package vn.ntm.portal.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after a number of failures for one login name, or from one client
 * address, further attempts are refused for a while. Works the same whether or not the account exists.
 */
@Component
public class LoginThrottle {

    private final int maxFailures;
    private final Duration lock;
    private final Clock clock;
    private final Map<String, Failures> byKey = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${portal.login.max-failures:5}") int maxFailures,
                  @Value("${portal.login.lock-minutes:15}") long lockMinutes, Clock clock) {
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
        this.clock = clock;
    }

    public boolean isBlocked(String login, String clientAddress) {
        return blocked(userKey(login)) || blocked(addressKey(clientAddress));
    }

    public void recordFailure(String login, String clientAddress) {
        record(userKey(login));
        record(addressKey(clientAddress));
    }

    public void recordSuccess(String login) {
        byKey.remove(userKey(login));
    }

    /** Minutes a blocked person should wait; shown in the message. */
    public long lockMinutes() {
        return lock.toMinutes();
    }

    private boolean blocked(String key) {
        Failures failures = byKey.get(key);
        if (failures == null) {
            return false;
        }
        if (failures.since.plus(lock).isBefore(clock.instant())) {
            byKey.remove(key, failures);
            return false;
        }
        // an address is shared by a whole commune office, so it gets more room than one login name
        int limit = key.startsWith("ip:") ? maxFailures * 4 : maxFailures;
        return failures.count >= limit;
    }

    private void record(String key) {
        Instant now = clock.instant();
        byKey.compute(key, (k, old) -> old == null || old.since.plus(lock).isBefore(now)
                ? new Failures(1, now) : new Failures(old.count + 1, old.since));
    }

    private static String userKey(String login) {
        return "user:" + login.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "ip:" + address;
    }

    private record Failures(int count, Instant since) {
    }
}
