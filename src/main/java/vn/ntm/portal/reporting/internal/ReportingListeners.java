package vn.ntm.portal.reporting.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.ntm.portal.certificate.CertificateIssued;
import vn.ntm.portal.certificate.CertificateRevoked;
import vn.ntm.portal.learning.EnrolmentStarted;
import vn.ntm.portal.learning.ModuleCompleted;
import vn.ntm.portal.person.PersonsMerged;
import vn.ntm.portal.training.AttendanceChanged;
import vn.ntm.portal.training.ClassChanged;
import vn.ntm.portal.training.RosterChanged;
import vn.ntm.portal.unit.UnitsImported;

/**
 * Keeps the summaries current from the other modules' events. Each listener runs after the change has committed,
 * in its own transaction, from Spring Modulith's persisted publication: if the process stops before the change is
 * queued, the event is handed over again on restart; once queued, it stays queued until its refresh has committed,
 * so no check-in is lost from the figures.
 */
@Component
class ReportingListeners {

    private final SummaryMaintainer summaries;
    private final SummaryRefresher refresher;

    ReportingListeners(SummaryMaintainer summaries, SummaryRefresher refresher) {
        this.summaries = summaries;
        this.refresher = refresher;
    }

    // marks, rosters and classes change in bursts: they are queued and refreshed class by class (SummaryRefresher)

    @ApplicationModuleListener
    void on(AttendanceChanged event) {
        refresher.queue(event.classId(), event.personId());
    }

    @ApplicationModuleListener
    void on(RosterChanged event) {
        refresher.queue(event.classId(), event.personId());
    }

    @ApplicationModuleListener
    void on(ClassChanged event) {
        refresher.queue(event.classId(), null);
    }

    /** The reports' copy takes the certificate at once; the class-person row and the cells follow through the queue. */
    @ApplicationModuleListener
    void on(CertificateIssued event) {
        Long classId = event.classId();
        if (classId != null && summaries.certificateIssued(event)) {
            refresher.queue(classId, event.personId());
        }
    }

    @ApplicationModuleListener
    void on(CertificateRevoked event) {
        Long classId = event.classId();
        if (classId != null && summaries.certificateRevoked(event)) {
            refresher.queue(classId, event.personId());
        }
    }

    @ApplicationModuleListener
    void on(PersonsMerged event) {
        summaries.refreshMerged(event.keptId(), event.mergedId());
    }

    @ApplicationModuleListener
    void on(EnrolmentStarted event) {
        summaries.refreshOnline(event.enrolmentId());
    }

    @ApplicationModuleListener
    void on(ModuleCompleted event) {
        summaries.refreshOnline(event.enrolmentId());
    }

    /** Successors may have changed: units are imported rarely, so everything is derived again. */
    @ApplicationModuleListener
    void on(UnitsImported event) {
        summaries.rebuild();
    }
}
