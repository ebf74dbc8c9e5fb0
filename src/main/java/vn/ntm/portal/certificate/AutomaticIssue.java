package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.certificate.domain.CertificateStore;
import vn.ntm.portal.certificate.domain.TemplateStore;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Issues the certificates due by themselves: to those of a class who completed by training's rule and hold none,
 * when the class's template says "issue automatically". Nobody is signed in (it runs from a listener): the class
 * and its trainees are read through training's listener API, and the certificate is issued by the system. Each
 * call is its own transaction, so that a lost race (a second event for the same person, handled at the same time)
 * rolls back alone, numbers included, and can be retried: the retry sees the certificate and issues nothing.
 */
@Component
class AutomaticIssue {

    private final CompletionSource completions;
    private final CertificateTemplates templates;
    private final CertificateStore store;
    private final CertificateService certificates;

    AutomaticIssue(CompletionSource completions, CertificateTemplates templates, CertificateStore store, CertificateService certificates) {
        this.completions = completions;
        this.templates = templates;
        this.store = store;
        this.certificates = certificates;
    }

    /** Issues to these persons of the class (null: all) who completed and hold no certificate; returns how many. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int issueDue(long classId, @Nullable List<Long> personIds) {
        Optional<CompletionSource.ClassRecord> c = completions.classForListener(classId);
        if (c.isEmpty()) {
            return 0;
        }
        Optional<TemplateStore.Row> template = templates.effective(c.get()).filter(TemplateStore.Row::autoIssue);
        if (template.isEmpty()) {
            return 0;
        }
        Set<Long> holders = store.holders(classId);
        List<CompletionSource.Completer> due = completions.participantsForListener(classId, personIds).stream()
                .filter(p -> p.completed() && !holders.contains(p.personId()))
                .toList();
        return certificates.issueTo(c.get(), template.get(), due, null, null).size();
    }
}
