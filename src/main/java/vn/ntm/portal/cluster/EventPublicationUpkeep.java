package vn.ntm.portal.cluster;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Spring Modulith keeps every event publication in the database. Republishing the incomplete ones at each restart
 * (the old setting) would, with several nodes, have every starting node redeliver what another is still delivering,
 * and left a failed listener waiting for the next restart. Instead, on one node at a time (ShedLock):
 * <ul>
 *     <li>every minute, publications still incomplete after {@code portal.events.retry-after} (a listener failed, or
 *     its node died mid-way) are delivered again; the listeners are idempotent, which makes a late duplicate harmless;</li>
 *     <li>every hour, completed publications older than {@code portal.events.keep-completed} are deleted (the table
 *     was the demo database's largest).</li>
 * </ul>
 */
@Component
public class EventPublicationUpkeep {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationUpkeep.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final Duration retryAfter;
    private final Duration keepCompleted;

    EventPublicationUpkeep(IncompleteEventPublications incomplete, CompletedEventPublications completed,
                           @Value("${portal.events.retry-after:PT5M}") Duration retryAfter,
                           @Value("${portal.events.keep-completed:P7D}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.retryAfter = retryAfter;
        this.keepCompleted = keepCompleted;
    }

    @Scheduled(fixedDelayString = "${portal.events.retry-every:PT1M}", initialDelayString = "${portal.events.retry-every:PT1M}")
    @SchedulerLock(name = "event-publications-retry", lockAtMostFor = "PT10M")
    public void retryIncomplete() {
        incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
    }

    @Scheduled(fixedDelayString = "${portal.events.purge-every:PT1H}", initialDelayString = "PT5M")
    @SchedulerLock(name = "event-publications-purge", lockAtMostFor = "PT30M")
    public void purgeCompleted() {
        completed.deletePublicationsOlderThan(keepCompleted);
        log.debug("Completed event publications older than {} deleted", keepCompleted);
    }
}
