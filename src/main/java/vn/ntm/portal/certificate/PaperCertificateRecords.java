package vn.ntm.portal.certificate;

import org.springframework.stereotype.Component;
import vn.ntm.portal.certificate.domain.PaperStore;
import vn.ntm.portal.training.PaperCertificates;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Keeps the paper certificates the history import hands over (training's {@link PaperCertificates} port), and
 * publishes them as in force through {@link CertificateEvents} like any issued certificate. The import checks its
 * caller's rights; this joins its transaction, so a refused import keeps none.
 */
@Component
class PaperCertificateRecords implements PaperCertificates {

    private final PaperStore store;
    private final CertificateEvents events;
    private final Clock clock;

    PaperCertificateRecords(PaperStore store, CertificateEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Set<Numbered> taken(Collection<Numbered> numbers) {
        return numbers.isEmpty() ? Set.of() : store.taken(numbers);
    }

    @Override
    public void record(List<Paper> papers) {
        if (!papers.isEmpty()) {
            events.paperRecorded(store.insertAll(papers, clock.instant()));
        }
    }
}
