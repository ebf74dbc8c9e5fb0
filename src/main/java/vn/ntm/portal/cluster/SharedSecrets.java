package vn.ntm.portal.cluster;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets every portal node must agree on (the check-in code key, the known-browser cookie key), kept in the database.
 * The first node that needs one generates it with an INSERT IGNORE, so two nodes starting together keep the same
 * row and both read it back. Nodes hold a copy for a few seconds: a check-in checks its code with no database read.
 */
@Component
public class SharedSecrets {

    /** How long a node trusts its copy before reading the row again in the background (a rotation elsewhere reaches it within about this). */
    static final long COPY_MILLIS = 5_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate apart;
    private final Clock clock;
    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final java.util.Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.Executor refresher = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("shared-secret-refresh").daemon().factory());

    public SharedSecrets(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        // the first use may come inside a read-only transaction (a board being shown): the secret is written apart
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A secret and the one before it, with the moment it replaced that one. */
    public record Secret(byte[] current, byte @Nullable [] previous, Instant rotatedAt) {
    }

    /** The secret of this name, generated on first use; at most a few seconds old. */
    public Secret get(String name) {
        long now = System.currentTimeMillis();
        Copy copy = copies.get(name);
        if (copy == null) {
            return reload(name);
        }
        if (now - copy.readAt >= COPY_MILLIS && refreshing.add(name)) {
            // read again off the request's thread: a check-in holding a connection never waits for a second one
            refresher.execute(() -> {
                try {
                    reload(name);
                } catch (RuntimeException databaseAway) {
                    // the copy stays in use until the database answers again
                } finally {
                    refreshing.remove(name);
                }
            });
        }
        return copy.secret;
    }

    /** Reads the secret now (after a code did not match: it may have been rotated on another node a moment ago). */
    public Secret reload(String name) {
        // in a transaction of its own: the caller's snapshot may predate a rotation made on another node
        Secret secret = apart.execute(tx -> read(name));
        if (secret == null) {
            try {
                // written and read back in a transaction of its own: the caller's snapshot may predate the row
                secret = apart.execute(tx -> {
                    jdbc.update("insert ignore into shared_secret (name, secret, rotated_at_ms) values (?, ?, ?)", name, fresh(), clock.millis());
                    return read(name);
                });
            } catch (DataAccessException e) {
                // another node's insert won the conflict (Galera refuses one at commit): its secret is the one to read
                if (!GaleraRetry.refusedAtCommit(e)) {
                    throw e;
                }
                secret = apart.execute(tx -> read(name));
            }
            if (secret == null) {
                throw new IllegalStateException("Shared secret " + name + " could not be stored");
            }
        }
        copies.put(name, new Copy(secret, System.currentTimeMillis()));
        return secret;
    }

    /**
     * Replaces the secret by a new one, keeping the old one as the previous, and returns when; joins the caller's
     * transaction (which records who did it). Other nodes use the new one within {@link #COPY_MILLIS}.
     */
    public Instant rotate(String name) {
        reload(name);
        long now = clock.millis();
        jdbc.update("update shared_secret set previous_secret = secret, secret = ?, rotated_at_ms = ? where name = ?",
                fresh(), now, name);
        copies.remove(name);
        return Instant.ofEpochMilli(now);
    }

    private @Nullable Secret read(String name) {
        return jdbc.query("select secret, previous_secret, rotated_at_ms from shared_secret where name = ?",
                rs -> rs.next() ? new Secret(rs.getBytes(1), rs.getBytes(2), Instant.ofEpochMilli(rs.getLong(3))) : null, name);
    }

    private static byte[] fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private record Copy(Secret secret, long readAt) {
    }
}
