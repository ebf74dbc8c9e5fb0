package vn.ntm.portal.cluster;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Work that must run on one portal node at a time takes a lease in the database (ShedLock's table). The lease is
 * kept alive while the work runs (renewed every third of its length), so a long job keeps it however long it takes,
 * and a node that dies stops renewing: another node takes the lease at most one lease length later.
 */
@Component
public class ClusterLocks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClusterLocks.class);

    private final LockProvider provider;
    private final JdbcTemplate jdbc;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lease-renewal").daemon().factory());

    ClusterLocks(LockProvider provider, JdbcTemplate jdbc) {
        this.provider = provider;
        this.jdbc = jdbc;
    }

    /** Runs the work if no node holds the lease, and returns true; returns false at once when another holds it. */
    public boolean runIfFree(String name, Duration lease, Runnable work) {
        Optional<Lease> taken = tryTake(name, lease);
        if (taken.isEmpty()) {
            return false;
        }
        try (Lease held = taken.get()) {
            work.run();
        }
        return true;
    }

    /** Takes the lease if free. Closing the returned lease releases it; until then it is renewed. */
    public Optional<Lease> tryTake(String name, Duration lease) {
        Optional<SimpleLock> lock;
        try {
            lock = provider.lock(new LockConfiguration(Instant.now(), name, lease, Duration.ZERO));
        } catch (RuntimeException e) {
            // a conflict with another node's take (Galera refuses one of two at commit) or the database away: not ours
            log.debug("Lease {} not taken: {}", name, e.toString());
            return Optional.empty();
        }
        return lock.map(l -> new Lease(name, lease, l));
    }

    /** Waits for the lease (polling twice a second) at most maxWait; empty when it stayed taken. */
    public Optional<Lease> takeWhenFree(String name, Duration lease, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Optional<Lease> taken = tryTake(name, lease);
            if (taken.isPresent() || System.nanoTime() > deadline) {
                return taken;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** True while some node holds the lease (for pages that say a job is running elsewhere). */
    public boolean isTaken(String name) {
        Boolean taken = jdbc.query("select lock_until > utc_timestamp(3) from shedlock where name = ?",
                rs -> rs.next() && rs.getBoolean(1), name);
        return Boolean.TRUE.equals(taken);
    }

    @Override
    public void destroy() {
        renewals.shutdownNow();
    }

    /** A held lease: renewed in the background until closed. */
    public final class Lease implements AutoCloseable {

        private final String name;
        private final Duration length;
        private volatile @Nullable SimpleLock lock;
        private final ScheduledFuture<?> renewal;

        private Lease(String name, Duration length, SimpleLock lock) {
            this.name = name;
            this.length = length;
            this.lock = lock;
            long every = Math.max(100, length.toMillis() / 3);
            this.renewal = renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        private synchronized void renew() {
            SimpleLock current = lock;
            if (current == null) {
                return;
            }
            try {
                Optional<SimpleLock> renewed = current.extend(length, Duration.ZERO);
                if (renewed.isPresent()) {
                    lock = renewed.get();
                } else {
                    log.warn("Lease {} was lost (it ended before it could be renewed); another node may take over", name);
                    lock = null;
                    renewal.cancel(false);
                }
            } catch (RuntimeException e) {
                // the database away for a moment: the next renewal tries again while the lease lasts
                log.warn("Lease {} not renewed: {}", name, e.toString());
            }
        }

        /** True while this node still holds the lease. */
        public boolean held() {
            return lock != null;
        }

        /** Stops renewing without releasing: what a node that dies does (for tests). */
        synchronized void abandon() {
            renewal.cancel(false);
            lock = null;
        }

        @Override
        public synchronized void close() {
            renewal.cancel(false);
            SimpleLock current = lock;
            lock = null;
            if (current != null) {
                try {
                    current.unlock();
                } catch (RuntimeException e) {
                    log.warn("Lease {} not released, it ends by itself: {}", name, e.toString());
                }
            }
        }
    }
}
