package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.certificate.domain.CertificateStore;
import vn.ntm.portal.certificate.domain.TemplateStore;

import vn.ntm.portal.curriculum.ModuleFeed;
import vn.ntm.portal.learning.EnrolmentFeed;
import vn.ntm.portal.learning.ModuleCompleted;
import vn.ntm.portal.learning.OnlineEnrolmentFacts;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.person.PersonSummary;
import vn.ntm.portal.training.ClassFeed;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private final ModuleFeed modules;
    private final EnrolmentFeed enrolments;
    private final PersonDirectory persons;
    private final UnitDirectory units;
    private final TemplateStore templateStore;
    private final ClassFeed classes;

    AutomaticIssue(CompletionSource completions, CertificateTemplates templates, CertificateStore store, CertificateService certificates,
                   ModuleFeed modules, EnrolmentFeed enrolments, PersonDirectory persons, UnitDirectory units,
                   TemplateStore templateStore, ClassFeed classes) {
        this.templateStore = templateStore;
        this.classes = classes;
        this.modules = modules;
        this.enrolments = enrolments;
        this.persons = persons;
        this.units = units;
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
        return certificates.issueTo(IssueSubject.of(c.get()), template.get(), due, null, null).size();
    }

    /**
     * Issues the certificate of an online module to the learner who completed it, when the module's template says
     * "automatically" and they hold none. It names a person: a learner whose account has no person record gets none.
     * The learner's unit (their account's, else their commune) scopes it; dates are those of the enrolment and of
     * completion; the quiz score is learning's (each quiz's best attempt, averaged).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int issueForModule(ModuleCompleted done) {
        Optional<TemplateStore.Row> template = templates.ofModule(done.moduleId()).filter(TemplateStore.Row::autoIssue);
        Optional<ModuleFeed.ModuleFacts> module = modules.find(done.moduleId());
        Optional<PersonSummary> person = persons.findByAccount(done.accountId());
        Optional<OnlineEnrolmentFacts> enrolment = enrolments.find(done.enrolmentId());
        if (template.isEmpty() || module.isEmpty() || person.isEmpty() || enrolment.isEmpty()
                || store.holdsModule(done.moduleId(), person.get().id())) {
            return 0;
        }
        PersonSummary p = person.get();
        Optional<UnitSummary> commune = p.communeId() == null ? Optional.empty() : units.findById(p.communeId());
        Optional<UnitSummary> unit = enrolment.get().unitId() == null ? commune : units.findById(enrolment.get().unitId());
        String unitPath = unit.map(UnitSummary::path).orElse(template.get().unitPath());
        String unitName = commune.or(() -> unit).map(UnitSummary::name).orElse(null);
        IssueSubject subject = new IssueSubject(null, done.moduleId(), "", module.get().title(), module.get().programmeTitle(),
                enrolment.get().enrolledOn(), done.completedOn(), unitPath, enrolments.quizScore(done.enrolmentId()));
        return certificates.issueTo(subject, template.get(), List.of(new CompletionSource.Completer(p.id(), p.fullName(), p.birthYear(),
                unitName, 0, 0, true)), null, null).size();
    }

    /** The completions of the template's module, when it is a module's (none otherwise). */
    @Transactional(readOnly = true)
    public List<ModuleCompleted> completionsCoveredBy(long templateId) {
        return templateStore.find(templateId).filter(TemplateStore.Row::autoIssue).map(TemplateStore.Row::moduleId)
                .map(enrolments::completionsOf).orElse(List.of());
    }

    /**
     * The classes whose certificates the template may print: its class, or the classes of its programme (spelled as
     * recorded, in any case); {@link #issueDue} then takes each class's own effective template, so a class with its
     * own, or outside the programme template's unit, is left to that.
     */
    @Transactional(readOnly = true)
    public List<Long> classesCoveredBy(long templateId) {
        Optional<TemplateStore.Row> t = templateStore.find(templateId).filter(TemplateStore.Row::autoIssue);
        if (t.isEmpty() || t.get().moduleId() != null) {
            return List.of();
        }
        if (t.get().classId() != null) {
            return List.of(t.get().classId());
        }
        String programme = t.get().programme() == null ? "" : t.get().programme().toLowerCase(Locale.ROOT);
        List<Long> ids = new ArrayList<>();
        classes.notCancelled(c -> {
            if (c.programme() != null && c.programme().toLowerCase(Locale.ROOT).equals(programme)) {
                ids.add(c.id());
            }
        });
        return ids;
    }
}
