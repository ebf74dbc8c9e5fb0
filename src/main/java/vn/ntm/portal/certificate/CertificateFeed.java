package vn.ntm.portal.certificate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.certificate.domain.CertificateStore;
import vn.ntm.portal.certificate.domain.PaperStore;

import java.util.function.Consumer;

/**
 * Certificate's read API for other modules' read models (the reports' rebuild): every certificate in force, issued
 * here or on paper, as the {@link CertificateIssued} event carried it, so that no other module reads certificate's
 * tables. No signed-in user needed; facts only, no names. Joins the caller's transaction.
 */
@Service
public class CertificateFeed {

    private final CertificateStore certificates;
    private final PaperStore papers;

    CertificateFeed(CertificateStore certificates, PaperStore papers) {
        this.certificates = certificates;
        this.papers = papers;
    }

    @Transactional(readOnly = true)
    public void inForce(Consumer<CertificateIssued> sink) {
        certificates.inForce(sink);
        papers.all(sink);
    }
}
