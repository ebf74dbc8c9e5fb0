package vn.ntm.portal.cluster;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The start-up tasks (administrator bootstrap, curriculum seed, demo data, the rebuild of empty summaries) are
 * ApplicationRunners; with several nodes starting together each would run them at once and seed twice. The first
 * runner takes the lease "startup" (waiting for it while another node starts), and the lease is released when the
 * application is ready: the tasks of the next node then find everything done. A node that dies mid-way stops
 * renewing, and the next one waits at most one lease length.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupLease implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupLease.class);
    static final String NAME = "startup";

    private final ClusterLocks locks;
    private final Duration maxWait;
    private volatile ClusterLocks.@Nullable Lease held;

    StartupLease(ClusterLocks locks, @Value("${portal.cluster.startup-wait:PT15M}") Duration maxWait) {
        this.locks = locks;
        this.maxWait = maxWait;
    }

    @Override
    public void run(ApplicationArguments args) {
        held = locks.takeWhenFree(NAME, Duration.ofMinutes(1), maxWait).orElseGet(() -> {
            log.warn("Another node has been starting for more than {}; running the start-up tasks anyway (they check what exists)", maxWait);
            return null;
        });
    }

    @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class, ContextClosedEvent.class})
    void release() {
        ClusterLocks.Lease lease = held;
        held = null;
        if (lease != null) {
            lease.close();
        }
    }
}
