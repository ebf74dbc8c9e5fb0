package vn.ntm.portal.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ntm.portal.cluster.SharedCounters;
import vn.ntm.portal.common.PhoneNumbers;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * The counters are kept in the database ({@link SharedCounters}), so every portal node sees the failures made on
 * every other: a guesser gains nothing from a load balancer spreading the attempts. A row per counter, keyed by a
 * hash of the login name or address, purged a day after its window: made-up login names cannot fill the heap.
 */
@Component
public class LoginThrottle {

    private final int maxFailures;
    private final Duration lock;
    private final Clock clock;
    private final SharedCounters counters;

    LoginThrottle(@Value("${portal.login.max-failures:5}") int maxFailures,
                  @Value("${portal.login.lock-minutes:15}") long lockMinutes, Clock clock, SharedCounters counters) {
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
        this.clock = clock;
        this.counters = counters;
    }

    public boolean isBlocked(String login, String clientAddress, boolean knownDevice) {
        String user = loginKey(login);
        if (knownDevice) {
            return reached(Map.of("known:" + user, maxFailures * 2));
        }
        Map<String, Integer> limits = new LinkedHashMap<>();
        limits.put("pair:" + user + "|" + clientAddress, maxFailures);
        limits.put("ip:" + clientAddress, maxFailures * 4);
        limits.put("user:" + user, maxFailures * 10);
        return reached(limits);
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
        counters.forget("pair:" + user + "|" + clientAddress);
        counters.forget("known:" + user);
    }

    /** Minutes a blocked person should wait; shown in the message. */
    public long lockMinutes() {
        return lock.toMinutes();
    }

    /** Counters currently held (of every throttle), for the tests. */
    long size() {
        return counters.size();
    }

    /** One query for all the counters that apply to an attempt. */
    private boolean reached(Map<String, Integer> limits) {
        Map<String, Integer> counts = counters.counts(List.copyOf(limits.keySet()), lock, clock.instant());
        return limits.entrySet().stream().anyMatch(limit -> counts.get(limit.getKey()) >= limit.getValue());
    }

    private void record(String key) {
        counters.add(key, lock, clock.instant());
    }

    /** One key per person whatever way they write their login: a phone in any form counts as the same phone. */
    static String loginKey(String login) {
        String phone = PhoneNumbers.normalize(login);
        return phone != null ? phone : login.strip().toLowerCase(Locale.ROOT);
    }
}
