package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.audit.AuditAction;
import vn.ntm.portal.audit.AuditSubject;
import vn.ntm.portal.audit.AuditTrail;
import vn.ntm.portal.audit.AuditedChange;
import vn.ntm.portal.certificate.domain.CertificateStore;
import vn.ntm.portal.certificate.domain.KeptStore;
import vn.ntm.portal.certificate.domain.NumberCounter;
import vn.ntm.portal.certificate.domain.PaperStore;
import vn.ntm.portal.certificate.domain.TemplateStore;
import vn.ntm.portal.common.Texts;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issuing and revoking certificates, and reading them back. A class's trainers and those who manage it issue;
 * only those who manage it (coordinators, administrators) revoke. Each certificate takes the next number of its
 * issuing office for the year, inside the issuing transaction.
 */
@Service
public class CertificateService {

    private final CompletionSource completions;
    private final CertificateTemplates templates;
    private final CertificateStore store;
    private final NumberCounter counter;
    private final KeptStore keptStore;
    private final CurrentUser currentUser;
    private final PersonDirectory persons;
    private final AuditTrail audit;
    private final Clock clock;
    private final CertificateEvents events;
    private final PaperStore papers;

    CertificateService(CompletionSource completions, CertificateTemplates templates, CertificateStore store, NumberCounter counter,
                       KeptStore keptStore, CurrentUser currentUser, PersonDirectory persons, AuditTrail audit, Clock clock,
                       CertificateEvents events, PaperStore papers) {
        this.events = events;
        this.papers = papers;
        this.keptStore = keptStore;
        this.completions = completions;
        this.templates = templates;
        this.store = store;
        this.counter = counter;
        this.currentUser = currentUser;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    /** The class's trainees; those who completed by training's rule and hold no certificate yet are the ones to preselect. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<Candidate> candidates(long classId) {
        Set<Long> holders = store.holders(classId);
        return completions.participantsOf(classId).stream()
                .map(p -> new Candidate(p.personId(), p.fullName(), p.birthYear(), p.unitName(), p.sessionsAttended(), p.sessions(),
                        p.completed(), holders.contains(p.personId())))
                .toList();
    }

    /**
     * Issues certificates to the chosen trainees of a class. Those who did not complete the class by its rule get one
     * only with a reason, recorded on the certificate and in the audit trail; those who hold one already are skipped.
     * Returns the certificates issued.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional
    public List<IssuedCertificate> issue(long classId, Collection<Long> personIds, @Nullable String exceptionReason) {
        CompletionSource.ClassRecord c = completions.classOf(classId);
        TemplateStore.Row template = templates.effective(c).orElseThrow(() -> new ValidationException("certificate.error.noTemplate"));
        String reason = Texts.field(exceptionReason, 500, "certificate.error.reasonTooLong");
        Map<Long, CompletionSource.Completer> roster = completions.participantsOf(classId).stream()
                .collect(Collectors.toMap(CompletionSource.Completer::personId, Function.identity()));
        Set<Long> holders = store.holders(classId);
        List<CompletionSource.Completer> chosen = new ArrayList<>();
        for (Long id : new java.util.LinkedHashSet<>(personIds)) {
            CompletionSource.Completer p = roster.get(id);
            if (p == null) {
                throw new ValidationException("certificate.error.notOnRoster");
            }
            if (!p.completed() && reason == null) {
                throw new ValidationException("certificate.error.reasonNeeded", p.fullName());
            }
            if (!holders.contains(id)) {
                chosen.add(p);
            }
        }
        return issueTo(IssueSubject.of(c), template, chosen, reason, currentUser.require().accountId());
    }

    /**
     * The one way a certificate comes into being, by hand or automatically: takes the office's next numbers (the
     * counter row stays locked until the caller's transaction ends, so numbers are gapless per office and year),
     * writes the certificates and audits each. {@code by} null: issued by the portal itself on completion (audited
     * as the system, marked automatic). The caller has checked who may have one and that they hold none.
     */
    List<IssuedCertificate> issueTo(IssueSubject c, TemplateStore.Row template, List<CompletionSource.Completer> chosen,
                                    @Nullable String reason, @Nullable Long by) {
        if (chosen.isEmpty()) {
            return List.of();
        }
        Instant at = clock.instant();
        LocalDate today = LocalDate.now(clock);
        int first = counter.take(template.officeCode(), today.getYear(), chosen.size());
        List<CertificateStore.NewCertificate> rows = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            CompletionSource.Completer p = chosen.get(i);
            int seq = first + i;
            rows.add(new CertificateStore.NewCertificate(template.officeCode(), today.getYear(), seq, seq + "/GCN-" + template.officeCode(),
                    VerificationCode.generate(), template.id(), c.classId(), p.personId(), c.unitPath(), p.fullName(), p.birthYear(),
                    p.unitName(), c.code(), c.title(), c.programme(), c.startDate(), c.endDate(), p.sessionsAttended(), p.sessions(),
                    p.completed(), p.completed() ? null : reason, template.title(), template.officeName(), template.signerName(),
                    template.signerTitle(), template.place(), template.wording(), template.hours(), today, at, by, c.moduleId(),
                    c.quizScore()));
        }
        store.insertAll(rows);
        List<IssuedCertificate> issued = store.byCodes(rows.stream().map(CertificateStore.NewCertificate::code).toList());
        events.issued(issued, c.unitPath());
        // one entry per certificate, under its own id; an exception to the rule carries its reason
        List<AuditedChange> entries = issued.stream().map(x -> AuditedChange.of(AuditSubject.CERTIFICATE, x.id(),
                        x.number() + " · " + x.traineeName() + " · " + c.label(), c.unitPath(), AuditAction.ISSUED)
                .field("number", null, x.number())
                .field("completed", null, x.completed())
                .field("exceptionReason", null, x.exceptionReason())
                .field("automatic", null, by == null ? Boolean.TRUE : null)).toList();
        if (by == null) {
            audit.recordAllBySystem(entries);
        } else {
            audit.recordAll(entries);
        }
        return issued;
    }

    /** Revokes a certificate: it stays, and its verification page says it was revoked, when, not why. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public void revoke(long certificateId, @Nullable String reason) {
        IssuedCertificate c = store.find(certificateId).orElseThrow(() -> new ValidationException("certificate.error.notFound"));
        String unitPath = store.unitPath(certificateId);
        if (!currentUser.require().manages(unitPath)) {
            throw new AccessDeniedException("Certificate outside the caller's scope");
        }
        String why = reasonToRevoke(reason);
        Instant at = clock.instant();
        if (!store.revoke(certificateId, why, currentUser.require().accountId(), at)) {
            throw new ValidationException("certificate.error.alreadyRevoked");
        }
        events.revoked(c, unitPath, at);
        auditRevocation(AuditSubject.CERTIFICATE, certificateId, c.number() + " · " + c.traineeName() + " · " + c.classCode(), unitPath, why);
    }

    /**
     * Revokes a certificate issued on paper in past years (one the history import brought in by mistake): as
     * {@link #revoke}, it stays, verification says it was revoked and when, and the reports stop counting it.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public void revokePaper(long paperId, @Nullable String reason) {
        PaperCertificate c = papers.find(paperId).orElseThrow(() -> new ValidationException("certificate.error.notFound"));
        String unitPath = papers.unitPath(paperId);
        if (!currentUser.require().manages(unitPath)) {
            throw new AccessDeniedException("Paper certificate outside the caller's scope");
        }
        String why = reasonToRevoke(reason);
        Instant at = clock.instant();
        if (!papers.revoke(paperId, why, currentUser.require().accountId(), at)) {
            throw new ValidationException("certificate.error.paperAlreadyRevoked", c.number());
        }
        events.paperRevoked(c, unitPath, at);
        auditRevocation(AuditSubject.CERTIFICATE_PAPER, paperId, c.number() + " · " + c.traineeName() + " · " + c.classCode(), unitPath, why);
    }

    /** A revocation needs a reason, short enough to keep. */
    private static String reasonToRevoke(@Nullable String reason) {
        String why = Texts.field(reason, 500, "certificate.error.reasonTooLong");
        if (why == null) {
            throw new ValidationException("certificate.error.revokeReasonNeeded");
        }
        return why;
    }

    private void auditRevocation(AuditSubject subject, long id, String label, String unitPath, String why) {
        audit.record(AuditedChange.of(subject, id, label, unitPath, AuditAction.REVOKED)
                .field("status", "valid", "revoked")
                .field("revokedReason", null, why));
    }

    /**
     * The certificates in force of holders who completed by the rule when they got it but no longer do (a mark
     * corrected, a session added, a stricter rule): they keep the certificate until a coordinator revokes it, or
     * chooses to keep it ({@link #keep}), which takes it off this list.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<FollowUp> followUp(long classId) {
        Map<Long, CompletionSource.Completer> now = completions.participantsOf(classId).stream()
                .collect(Collectors.toMap(CompletionSource.Completer::personId, Function.identity()));
        Set<Long> kept = keptStore.keptOfClass(classId);
        List<FollowUp> list = new ArrayList<>();
        for (IssuedCertificate x : store.ofClass(classId)) {
            CompletionSource.Completer p = now.get(x.personId());
            if (!x.revoked() && x.completed() && !kept.contains(x.id()) && (p == null || !p.completed())) {
                list.add(new FollowUp(x, p == null ? 0 : p.sessionsAttended(), p == null ? x.sessions() : p.sessions()));
            }
        }
        return list;
    }

    /** A holder who no longer meets the rule keeps the certificate: decided by those who manage the class, audited. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public void keep(long certificateId) {
        IssuedCertificate c = store.find(certificateId).orElseThrow(() -> new ValidationException("certificate.error.notFound"));
        String unitPath = store.unitPath(certificateId);
        PortalUser user = currentUser.require();
        if (!user.manages(unitPath)) {
            throw new AccessDeniedException("Certificate outside the caller's scope");
        }
        if (c.revoked()) {
            throw new ValidationException("certificate.error.alreadyRevoked");
        }
        if (keptStore.keep(certificateId, user.accountId(), clock.instant())) {
            audit.record(AuditedChange.of(AuditSubject.CERTIFICATE, certificateId, c.number() + " · " + c.traineeName() + " · " + c.classCode(),
                    unitPath, AuditAction.UPDATED).field("followUp", null, "kept"));
        }
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<IssuedCertificate> ofClass(long classId) {
        completions.classOf(classId);
        return store.ofClass(classId);
    }

    /** The class's certificates issued on paper in past years (brought in by the history import), for those who may read it. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<PaperCertificate> paperOfClass(long classId) {
        completions.classOf(classId);
        return papers.ofClass(classId);
    }

    /** The signed-in trainee's certificates (through the person record linked to their account). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<IssuedCertificate> mine() {
        return persons.findByAccount(currentUser.require().accountId()).map(p -> store.ofPerson(p.id())).orElse(List.of());
    }

    /**
     * The signed-in trainee's certificates issued on paper in past years, found through the same person record as
     * {@link #mine}: shown beside the portal's own, with no PDF (there is none) but their public verification page.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<PaperCertificate> minePaper() {
        return persons.findByAccount(currentUser.require().accountId()).map(p -> papers.ofPerson(p.id())).orElse(List.of());
    }

    /** One certificate, for its holder or for those who may read its class. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public IssuedCertificate get(long certificateId) {
        IssuedCertificate c = store.find(certificateId).orElseThrow(() -> new ValidationException("certificate.error.notFound"));
        PortalUser user = currentUser.require();
        boolean holder = persons.findByAccount(user.accountId()).map(p -> p.id() == c.personId()).orElse(false);
        if (!holder) {
            if (user.role() == vn.ntm.portal.security.Role.TRAINEE) {
                throw new AccessDeniedException("Not the holder");
            }
            if (c.classId() != null) {
                completions.classOf(c.classId());
            } else if (!user.manages(store.unitPath(certificateId))) {
                // a module's certificate: those who manage the learner's unit
                throw new AccessDeniedException("Certificate outside the caller's scope");
            }
        }
        return c;
    }
}
