package vn.ntm.portal.cluster;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters of failures in a time window (sign-in guesses, registrations per address) that every portal node shares:
 * a guesser sent to another node by the load balancer meets the same count. A counter starts at the first failure
 * and starts again once its window has passed. Keys are stored as SHA-256 hashes, so what is counted (a login name,
 * an address) has a fixed size in the table whatever its length; rows older than a day are purged on a schedule.
 */
@Component
public class SharedCounters {

    private final JdbcTemplate jdbc;
    private final GaleraRetry retry;
    private final Duration keep;
    private final TransactionTemplate apart;

    public SharedCounters(JdbcTemplate jdbc, GaleraRetry retry, PlatformTransactionManager transactions,
                          @Value("${portal.cluster.counters-kept:P1D}") Duration keep) {
        this.jdbc = jdbc;
        this.retry = retry;
        this.keep = keep;
        // a count stays counted when the caller's transaction rolls back (a refused registration still used one try)
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private void apart(Runnable write) {
        retry.callInOwnTransaction(() -> {
            apart.executeWithoutResult(tx -> write.run());
            return null;
        });
    }

    /** The counts of these keys whose window (begun within {@code window} before {@code now}) is still open. */
    public Map<String, Integer> counts(List<String> keys, Duration window, Instant now) {
        Map<String, String> byHash = new LinkedHashMap<>();
        keys.forEach(k -> byHash.put(hash(k), k));
        Map<String, Integer> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.put(k, 0));
        if (keys.isEmpty()) {
            return counts;
        }
        String marks = String.join(",", java.util.Collections.nCopies(byHash.size(), "?"));
        Object[] args = new Object[byHash.size() + 1];
        int i = 0;
        for (String h : byHash.keySet()) {
            args[i++] = h;
        }
        args[i] = now.minus(window).toEpochMilli();
        jdbc.query("select counter_key, failures from throttle_counter where counter_key in (" + marks + ") and since_ms >= ?",
                rs -> {
                    counts.put(byHash.get(rs.getString(1)), rs.getInt(2));
                }, args);
        return counts;
    }

    public int count(String key, Duration window, Instant now) {
        return counts(List.of(key), window, now).get(key);
    }

    /** Adds one to the counter; a counter whose window has passed starts again at one. One statement per key. */
    public void add(String key, Duration window, Instant now) {
        long at = now.toEpochMilli();
        long windowStart = now.minus(window).toEpochMilli();
        // MariaDB assigns left to right: failures is decided on the old since_ms, then since_ms moves
        apart(() -> jdbc.update("insert into throttle_counter (counter_key, failures, since_ms) values (?, 1, ?) "
                        + "on duplicate key update failures = if(since_ms < ?, 1, failures + 1), since_ms = if(since_ms < ?, ?, since_ms)",
                hash(key), at, windowStart, windowStart, at));
    }

    /** Adds one and returns the count after it, read in the same short transaction (not the caller's older snapshot). */
    public int addAndCount(String key, Duration window, Instant now) {
        add(key, window, now);
        return apart.execute(tx -> jdbc.queryForObject("select failures from throttle_counter where counter_key = ?", Integer.class, hash(key)));
    }

    public void forget(String key) {
        apart(() -> jdbc.update("delete from throttle_counter where counter_key = ?", hash(key)));
    }

    /** Rows held, for tests and operators. */
    public long size() {
        return jdbc.queryForObject("select count(*) from throttle_counter", Long.class);
    }

    /** Once in a while, on one node: counters no window looks back to any more. */
    @Scheduled(fixedDelayString = "${portal.cluster.counters-purge-every:PT10M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "throttle-counters-purge", lockAtMostFor = "PT5M")
    public void purge() {
        purgeOlderThan(Instant.now().minus(keep));
    }

    public int purgeOlderThan(Instant before) {
        return jdbc.update("delete from throttle_counter where since_ms < ?", before.toEpochMilli());
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
