package vn.ntm.portal.reporting.internal;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.portal.cluster.ClusterLocks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rebuild of every summary, on one node at a time. It takes the lease "reporting", which the queue's refresher
 * takes for each pass too (two nodes writing the summaries at once would have Galera refuse one at commit, minutes
 * of work lost). Started by an administrator, it runs in the background under a second lease, "reporting-rebuild",
 * so a second start from any node is refused while one runs; its state is a row of background_job that every node's
 * page reads.
 */
@Component
public class RebuildJob {

    private static final Logger log = LoggerFactory.getLogger(RebuildJob.class);
    static final String SUMMARIES = "reporting";
    static final String JOB = "reporting-rebuild";
    /** Renewed while the work runs: a node that dies frees the summaries for another within this. */
    static final Duration LEASE = Duration.ofSeconds(30);

    private final SummaryMaintainer summaries;
    private final ClusterLocks locks;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RebuildJob(SummaryMaintainer summaries, ClusterLocks locks, JdbcTemplate jdbc, Clock clock) {
        this.summaries = summaries;
        this.locks = locks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a page shows: running (since when, by whom), or how the last one ended. */
    public record Progress(String state, @Nullable String startedBy, @Nullable Instant started, @Nullable Instant finished,
                           @Nullable String outcome) {
        public boolean running() {
            return "RUNNING".equals(state);
        }
    }

    /** Rebuilds now, in the caller's thread, once the refresher's pass in progress (on any node) is over. */
    public SummaryMaintainer.RebuildResult runNow() {
        try (ClusterLocks.Lease lease = locks.takeWhenFree(SUMMARIES, LEASE, Duration.ofMinutes(5))
                .orElseThrow(() -> new IllegalStateException("The summaries stayed busy on another node for 5 minutes"))) {
            return summaries.rebuild();
        }
    }

    /** Starts a rebuild in the background; false (and nothing started) when one runs already on some node. */
    public boolean start(String startedBy) {
        Optional<ClusterLocks.Lease> job = locks.tryTake(JOB, LEASE);
        if (job.isEmpty()) {
            return false;
        }
        jdbc.update("insert into background_job (name, state, started_by, started_ms, finished_ms, outcome) values (?, 'RUNNING', ?, ?, null, null) "
                + "on duplicate key update state = 'RUNNING', started_by = values(started_by), started_ms = values(started_ms), finished_ms = null, outcome = null",
                JOB, startedBy, clock.millis());
        Thread.ofPlatform().name("report-rebuild").daemon().start(() -> {
            try (ClusterLocks.Lease held = job.get()) {
                var result = runNow();
                finish("DONE", result.classes() + " " + result.participations() + " " + result.millis());
            } catch (RuntimeException e) {
                log.error("The rebuild of the summaries failed", e);
                finish("FAILED", null);
            }
        });
        return true;
    }

    public Progress progress() {
        Progress progress = jdbc.query("select state, started_by, started_ms, finished_ms, outcome from background_job where name = ?",
                rs -> rs.next() ? new Progress(rs.getString(1), rs.getString(2), instant(rs.getObject(3)), instant(rs.getObject(4)),
                        rs.getString(5)) : null, JOB);
        if (progress == null) {
            return new Progress("NONE", null, null, null, null);
        }
        if (progress.running() && !locks.isTaken(JOB)) {
            // its node died mid-way: nothing of it was committed (one transaction), it may be started again
            return new Progress("INTERRUPTED", progress.startedBy(), progress.started(), null, null);
        }
        return progress;
    }

    private void finish(String state, @Nullable String outcome) {
        try {
            jdbc.update("update background_job set state = ?, finished_ms = ?, outcome = ? where name = ?", state, clock.millis(), outcome, JOB);
        } catch (RuntimeException e) {
            log.warn("Could not record the end of the rebuild: {}", e.toString());
        }
    }

    private static @Nullable Instant instant(@Nullable Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
