package vn.ntm.portal.reporting.internal;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The queue between the events and the summaries. Listeners only add a row to report_pending (a millisecond, no
 * lock), and one thread works the queue: it takes what is queued, oldest first, and refreshes each class once for
 * all its queued persons. During a burst of check-ins the refreshes therefore grow in size, not in number, and a
 * change waits for at most the batch in front of it rather than for every change before it. The thread is woken when
 * a change is queued and looks at the queue every second anyway (rows left by a stopped or another instance).
 * With several portal nodes, each pass runs under the lease "reporting" (cluster.ClusterLocks): one node works the
 * queue at a time, and when that node dies another takes over within the lease's 30 seconds.
 */
@Component
class SummaryRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SummaryRefresher.class);
    /** Queue rows taken at a time: bounds the memory of one pass; a bigger queue takes several passes. */
    static final int BATCH = 5_000;

    private final SummaryMaintainer summaries;
    private final JdbcTemplate jdbc;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private final java.time.Clock clock;
    /** The day the classes that began were last looked for. */
    private volatile java.time.@Nullable LocalDate lookedForBegunClasses;
    private @Nullable Thread thread;

    private final vn.ntm.portal.cluster.ClusterLocks locks;

    SummaryRefresher(SummaryMaintainer summaries, JdbcTemplate jdbc, java.time.Clock clock, vn.ntm.portal.cluster.ClusterLocks locks) {
        this.summaries = summaries;
        this.locks = locks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Once a day (and at start): planned classes whose first day has come are queued, so they enter the held figures. */
    void queueClassesThatBegan() {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        if (!today.equals(lookedForBegunClasses)) {
            int queued = summaries.queueClassesThatBegan();
            lookedForBegunClasses = today;
            if (queued > 0) {
                log.info("{} planned classes began by {}: queued for the summaries", queued, today);
            }
        }
    }

    /** Queues a change of a class (personId null) or of one person in it; the refresh starts once the caller commits. */
    void queue(long classId, @Nullable Long personId) {
        jdbc.update("insert into report_pending (class_id, person_id) values (?, ?)", classId, personId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.release();
                }
            });
        } else {
            wake.release();
        }
    }

    /** Works the queue until it is empty (or only failing classes are left); returns the queue rows worked. */
    int drain() {
        int worked = 0;
        while (true) {
            record Queued(long id, long classId) {
            }
            List<Queued> rows = jdbc.query("select id, class_id from report_pending order by id limit ?",
                    (rs, i) -> new Queued(rs.getLong(1), rs.getLong(2)), BATCH);
            Map<Long, List<Long>> byClass = new LinkedHashMap<>();
            rows.forEach(q -> byClass.computeIfAbsent(q.classId(), c -> new ArrayList<>()).add(q.id()));
            int failed = 0;
            for (var entry : byClass.entrySet()) {
                try {
                    worked += summaries.refreshQueued(entry.getKey(), entry.getValue());
                } catch (RuntimeException e) {
                    // left queued and tried again on the next pass; the other classes go on
                    failed++;
                    log.warn("Refreshing the summaries of class {} failed, will retry: {}", entry.getKey(), e.toString());
                }
            }
            if (rows.size() < BATCH || failed == byClass.size()) {
                return worked;
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                wake.tryAcquire(1, TimeUnit.SECONDS);
                wake.drainPermits();
                // one node at a time works the queue (a pass of another node, or a rebuild, holds the lease)
                if (running) {
                    locks.runIfFree(RebuildJob.SUMMARIES, RebuildJob.LEASE, () -> {
                        queueClassesThatBegan();
                        drain();
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is away: the queue stays where it is, the next pass takes it up
                log.warn("Reporting queue not reachable, will retry: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("report-refresher").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
