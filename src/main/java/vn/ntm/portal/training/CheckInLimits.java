package vn.ntm.portal.training;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many wrong codes, check-ins and walk-in requests one client may send for one session, so that nobody
 * guesses a code or checks in a roster from one phone. Counts live in memory in tables of fixed size: the keys
 * (device cookies, addresses) are chosen by whoever sends the requests, so the oldest entries make way for new
 * ones rather than the tables growing. The numbers and their reasons are in docs/SECURITY.md.
 */
@Component
public class CheckInLimits {

    /** What is being counted. */
    enum Kind { WRONG_CODE, CHECK_IN, WALK_IN }

    static final long TEN_MINUTES = 600_000;
    static final long TWELVE_HOURS = 12 * 3_600_000;
    static final int MAX_ENTRIES = 50_000;

    private final Clock clock;
    private final Counters perDevice = new Counters(MAX_ENTRIES);
    private final Counters perAddress = new Counters(MAX_ENTRIES);
    private final Counters perSession = new Counters(10_000);
    private final Map<Long, SessionWatch> watches = bounded(10_000);

    final int wrongCodesPerDevice;
    final int wrongCodesPerAddress;
    final int wrongCodesPerSession;
    final int checkInsPerDevice;
    final int checkInsPerAddress;
    final int walkInsPerDevice;
    final int walkInsPerAddress;
    final int warnAt;

    CheckInLimits(Clock clock,
                  @Value("${portal.checkin.limits.wrong-codes-per-device:10}") int wrongCodesPerDevice,
                  @Value("${portal.checkin.limits.wrong-codes-per-address:60}") int wrongCodesPerAddress,
                  @Value("${portal.checkin.limits.wrong-codes-per-session:300}") int wrongCodesPerSession,
                  @Value("${portal.checkin.limits.check-ins-per-device:15}") int checkInsPerDevice,
                  @Value("${portal.checkin.limits.check-ins-per-address:150}") int checkInsPerAddress,
                  @Value("${portal.checkin.limits.walk-ins-per-device:3}") int walkInsPerDevice,
                  @Value("${portal.checkin.limits.walk-ins-per-address:20}") int walkInsPerAddress,
                  @Value("${portal.checkin.limits.warn-at:5}") int warnAt) {
        this.clock = clock;
        this.wrongCodesPerDevice = wrongCodesPerDevice;
        this.wrongCodesPerAddress = wrongCodesPerAddress;
        this.wrongCodesPerSession = wrongCodesPerSession;
        this.checkInsPerDevice = checkInsPerDevice;
        this.checkInsPerAddress = checkInsPerAddress;
        this.walkInsPerDevice = walkInsPerDevice;
        this.walkInsPerAddress = walkInsPerAddress;
        this.warnAt = warnAt;
    }

    /** Whether this client may still try a code for this session (session 0: an unknown session reference). */
    boolean mayTryCode(long sessionId, CheckInClient client) {
        long now = clock.millis();
        boolean allowed = perDevice.count(key(Kind.WRONG_CODE, sessionId, client.device()), TEN_MINUTES, now) < wrongCodesPerDevice
                && perAddress.count(key(Kind.WRONG_CODE, sessionId, client.address()), TEN_MINUTES, now) < wrongCodesPerAddress
                && perSession.count(key(Kind.WRONG_CODE, sessionId, ""), TEN_MINUTES, now) < wrongCodesPerSession;
        if (!allowed) {
            watch(sessionId).refused++;
        }
        return allowed;
    }

    void wrongCode(long sessionId, CheckInClient client) {
        long now = clock.millis();
        perDevice.add(key(Kind.WRONG_CODE, sessionId, client.device()), TEN_MINUTES, now);
        perAddress.add(key(Kind.WRONG_CODE, sessionId, client.address()), TEN_MINUTES, now);
        perSession.add(key(Kind.WRONG_CODE, sessionId, ""), TEN_MINUTES, now);
    }

    /**
     * Counts one check-in attempt with a valid code (whether or not the person is on the roster: asking about
     * many numbers is what a roster probe looks like) and tells whether it is within the limits.
     */
    boolean tryCheckIn(long sessionId, CheckInClient client) {
        if (client.staff()) {
            return true;
        }
        long now = clock.millis();
        String device = key(Kind.CHECK_IN, sessionId, client.device());
        String address = key(Kind.CHECK_IN, sessionId, client.address());
        if (perDevice.count(device, TWELVE_HOURS, now) >= checkInsPerDevice || perAddress.count(address, TEN_MINUTES, now) >= checkInsPerAddress) {
            watch(sessionId).refused++;
            return false;
        }
        int byDevice = perDevice.add(device, TWELVE_HOURS, now);
        perAddress.add(address, TEN_MINUTES, now);
        SessionWatch watch = watch(sessionId);
        synchronized (watch) {
            watch.busiestDevice = Math.max(watch.busiestDevice, byDevice);
        }
        return true;
    }

    /** Counts one walk-in request and tells whether it is within the limits. */
    boolean tryWalkIn(long sessionId, CheckInClient client) {
        long now = clock.millis();
        String device = key(Kind.WALK_IN, sessionId, client.device());
        String address = key(Kind.WALK_IN, sessionId, client.address());
        if (perDevice.count(device, TWELVE_HOURS, now) >= walkInsPerDevice || perAddress.count(address, TEN_MINUTES, now) >= walkInsPerAddress) {
            watch(sessionId).refused++;
            return false;
        }
        perDevice.add(device, TWELVE_HOURS, now);
        perAddress.add(address, TEN_MINUTES, now);
        return true;
    }

    /**
     * What the trainer's board warns about: the most attempts one device made in this session when that reaches
     * the warning level (else 0), and how many requests the limits refused.
     */
    Warning warning(long sessionId) {
        SessionWatch watch;
        synchronized (watches) {
            watch = watches.get(sessionId);
        }
        if (watch == null) {
            return new Warning(0, 0);
        }
        synchronized (watch) {
            return new Warning(watch.busiestDevice >= warnAt ? watch.busiestDevice : 0, watch.refused);
        }
    }

    record Warning(int busiestDevice, long refused) {
    }

    private SessionWatch watch(long sessionId) {
        synchronized (watches) {
            return watches.computeIfAbsent(sessionId, id -> new SessionWatch());
        }
    }

    private static final class SessionWatch {
        int busiestDevice;
        volatile long refused;
    }

    /** How many keys the tables hold: never more than their fixed sizes, whatever is sent. */
    int trackedKeys() {
        synchronized (watches) {
            return perDevice.size() + perAddress.size() + perSession.size() + watches.size();
        }
    }

    private static String key(Kind kind, long sessionId, String who) {
        return kind.ordinal() + "/" + sessionId + "/" + who;
    }

    private static <K, V> Map<K, V> bounded(int max) {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * Counts per key in fixed windows, the previous window weighted by how much of it still overlaps the sliding
     * one (the usual sliding-window estimate), in a table of at most {@code max} keys, least recently used out first.
     */
    private static final class Counters {
        private final Map<String, int[]> table;

        Counters(int max) {
            table = bounded(max);
        }

        synchronized int size() {
            return table.size();
        }

        synchronized int count(String key, long window, long now) {
            int[] c = table.get(key);
            return c == null ? 0 : estimate(roll(c, window, now), window, now);
        }

        synchronized int add(String key, long window, long now) {
            int[] c = roll(table.computeIfAbsent(key, k -> new int[3]), window, now);
            c[2]++;
            return estimate(c, window, now);
        }

        /** c[0]: the current window's number, c[1]: the previous window's count, c[2]: the current window's count. */
        private static int[] roll(int[] c, long window, long now) {
            int current = (int) (now / window);
            if (c[0] != current) {
                c[1] = c[0] == current - 1 ? c[2] : 0;
                c[2] = 0;
                c[0] = current;
            }
            return c;
        }

        private static int estimate(int[] c, long window, long now) {
            double overlap = 1.0 - (double) (now % window) / window;
            // rounded up: a burst just before a window ends must still count in full just after it (the attack check
            // let a 21st walk-in through two seconds past the boundary while this was rounded down)
            return c[2] + (int) Math.ceil(c[1] * overlap);
        }
    }
}
