package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The one place certificate's events are published from: every path that brings certificates into force (bulk issue,
 * automatic issue, paper certificates of past years) or revokes one calls it right after the store, in the same
 * transaction, so that read models (the reports) never miss a path.
 */
@Component
public class CertificateEvents {

    private final ApplicationEventPublisher publisher;

    CertificateEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Certificates just issued, under the unit path of their class (or of the issuing unit when there is no class). */
    public void issued(List<IssuedCertificate> certificates, String unitPath) {
        for (IssuedCertificate c : certificates) {
            publisher.publishEvent(new CertificateIssued(c.id(), false, classOf(c.classId()), c.personId(), unitPath, c.issuedOn(),
                    c.number()));
        }
    }

    public void revoked(IssuedCertificate c, String unitPath, Instant at) {
        publisher.publishEvent(new CertificateRevoked(c.id(), false, classOf(c.classId()), c.personId(), unitPath, at));
    }

    /** A paper certificate of past years revoked: the reports take it off as they do an issued one. */
    public void paperRevoked(PaperCertificate c, String unitPath, Instant at) {
        publisher.publishEvent(new CertificateRevoked(c.id(), true, c.classId(), c.personId(), unitPath, at));
    }

    /** Certificates issued on paper in past years, just recorded. */
    public void paperRecorded(List<CertificateIssued> recorded) {
        recorded.forEach(publisher::publishEvent);
    }

    /** A class id as stored; zero or less means none (a certificate of no class). */
    private static @Nullable Long classOf(@Nullable Long classId) {
        return classId == null || classId <= 0 ? null : classId;
    }
}
