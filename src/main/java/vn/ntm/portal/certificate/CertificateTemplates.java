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
import vn.ntm.portal.certificate.domain.TemplateStore;
import vn.ntm.portal.common.Texts;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.CurrentUser;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Certificate templates: a class's own, or its programme's for the classes of a unit and below. Those who manage
 * the class's unit edit them; the class's trainers see which one applies.
 */
@Service
public class CertificateTemplates {

    /** Letters (Vietnamese ones too, as in VPĐP), digits and dashes: the office's part of the number. */
    private static final Pattern OFFICE_CODE = Pattern.compile("[\\p{Lu}0-9][\\p{Lu}0-9\\-]{0,19}");

    private final CompletionSource completions;
    private final vn.ntm.portal.curriculum.ModuleFeed modules;
    private final vn.ntm.portal.unit.UnitDirectory units;
    private final TemplateStore store;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    CertificateTemplates(CompletionSource completions, vn.ntm.portal.curriculum.ModuleFeed modules, vn.ntm.portal.unit.UnitDirectory units,
                         TemplateStore store, CurrentUser currentUser, AuditTrail audit, Clock clock,
                         org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.completions = completions;
        this.modules = modules;
        this.units = units;
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The template the class's certificates are printed from, if any. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public Optional<CertificateTemplate> forClass(long classId) {
        return effective(completions.classOf(classId)).map(CertificateTemplates::toTemplate);
    }

    /** The module's template, read without a signed-in user (automatic issue). */
    Optional<TemplateStore.Row> ofModule(long moduleId) {
        return store.ofModule(moduleId);
    }

    Optional<TemplateStore.Row> effective(CompletionSource.ClassRecord c) {
        Optional<TemplateStore.Row> own = store.ofClass(c.id());
        if (own.isPresent() || c.programme() == null) {
            return own;
        }
        return store.ofProgramme(c.programme(), c.unitPath());
    }

    /**
     * Saves the template of a class (or of its programme, {@link TemplateForm#forProgramme}) against the version the
     * editor saw ({@code seenVersion}, null for a new one): someone else's change in between is never overwritten.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public CertificateTemplate save(long classId, TemplateForm form, @Nullable Long seenVersion) {
        CompletionSource.ClassRecord c = completions.classOf(classId);
        if (!currentUser.require().manages(c.unitPath())) {
            throw new AccessDeniedException("Class outside the caller's scope");
        }
        if (form.forProgramme() && c.programme() == null) {
            throw new ValidationException("certificate.error.noProgramme");
        }
        TemplateStore.Row clean = clean(form, form.forProgramme() ? null : c.id(), form.forProgramme() ? c.programme() : null, null,
                c.unitId(), c.unitPath());
        Optional<TemplateStore.Row> existing = form.forProgramme()
                ? store.ofProgramme(c.programme(), c.unitPath()).filter(t -> t.unitId() == c.unitId())
                : store.ofClass(classId);
        return persist(existing, clean, seenVersion);
    }

    /** The certificate template of an online module, for the authors of its programme. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public Optional<CertificateTemplate> forModule(long moduleId) {
        modules.authored(moduleId);
        return store.ofModule(moduleId).map(CertificateTemplates::toTemplate);
    }

    /** The module's title, for the page of its template (refused to anyone who may not write the module). */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public String moduleTitle(long moduleId) {
        return modules.authored(moduleId).title();
    }

    /**
     * Saves the template of an online module: its programme's authors decide how its certificates look and whether a
     * learner receives one on completing it. It is kept under the programme's owner unit (none for a national one:
     * its audit entries are then read by administrators only, as the programme's).
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional
    public CertificateTemplate saveForModule(long moduleId, TemplateForm form, @Nullable Long seenVersion) {
        vn.ntm.portal.curriculum.ModuleFeed.ModuleFacts m = modules.authored(moduleId);
        long unitId = m.ownerUnitId() == null ? 0 : m.ownerUnitId();
        String unitPath = m.ownerUnitId() == null ? "" : units.findById(m.ownerUnitId()).map(vn.ntm.portal.unit.UnitSummary::path).orElse("");
        TemplateStore.Row clean = clean(form, null, null, moduleId, unitId, unitPath);
        return persist(store.ofModule(moduleId), clean, seenVersion);
    }

    private CertificateTemplate persist(Optional<TemplateStore.Row> existing, TemplateStore.Row clean, @Nullable Long seenVersion) {
        Instant at = clock.instant();
        long id;
        AuditAction action;
        if (existing.isEmpty()) {
            id = store.insert(clean, at);
            action = AuditAction.CREATED;
        } else {
            TemplateStore.Row before = existing.get();
            if (seenVersion == null || seenVersion != before.version()) {
                throw new ValidationException("certificate.error.templateChangedMeanwhile");
            }
            id = before.id();
            store.update(new TemplateStore.Row(id, clean.classId(), clean.programme(), clean.unitId(), clean.unitPath(), clean.title(),
                    clean.officeName(), clean.officeCode(), clean.signerName(), clean.signerTitle(), clean.place(), clean.wording(),
                    clean.hours(), before.hasSeal(), before.version(), clean.autoIssue(), clean.moduleId()), at);
            action = AuditAction.UPDATED;
        }
        TemplateStore.Row before = existing.orElse(null);
        if (clean.autoIssue() && (before == null || !before.autoIssue())) {
            events.publishEvent(new AutomaticIssueEnabled(id));
        }
        audit.record(AuditedChange.of(AuditSubject.CERTIFICATE_TEMPLATE, id, clean.title() + " · " + clean.officeCode(), clean.unitPath(), action)
                .field("title", before == null ? null : before.title(), clean.title())
                .field("officeName", before == null ? null : before.officeName(), clean.officeName())
                .field("officeCode", before == null ? null : before.officeCode(), clean.officeCode())
                .field("signerName", before == null ? null : before.signerName(), clean.signerName())
                .field("signerTitle", before == null ? null : before.signerTitle(), clean.signerTitle())
                .field("place", before == null ? null : before.place(), clean.place())
                .field("wording", before == null ? null : before.wording(), clean.wording())
                .field("hours", before == null ? null : before.hours(), clean.hours())
                .field("autoIssue", before == null ? null : before.autoIssue(), clean.autoIssue()));
        return toTemplate(store.find(id).orElseThrow());
    }

    /** Sets the seal of a template, after checking that the file is a real PNG or JPEG of a reasonable size. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public CertificateTemplate setSeal(long templateId, byte[] bytes) {
        TemplateStore.Row t = store.find(templateId).orElseThrow(() -> new ValidationException("certificate.error.noTemplate"));
        if (t.moduleId() != null) {
            modules.authored(t.moduleId());
        } else if (!currentUser.require().manages(t.unitPath())) {
            throw new AccessDeniedException("Template outside the caller's scope");
        }
        SealImage seal = SealImage.of(bytes);
        store.setSeal(templateId, seal.bytes(), seal.type(), clock.instant());
        audit.record(AuditedChange.of(AuditSubject.CERTIFICATE_TEMPLATE, templateId, t.title() + " · " + t.officeCode(), t.unitPath(),
                AuditAction.UPDATED).field("seal", t.hasSeal() ? "image" : null, "image (" + bytes.length + " B)"));
        return toTemplate(store.find(templateId).orElseThrow());
    }

    @Nullable SealImage seal(long templateId) {
        return store.seal(templateId).map(s -> new SealImage(s.bytes(), s.type())).orElse(null);
    }

    private static TemplateStore.Row clean(TemplateForm f, @Nullable Long classId, @Nullable String programme, @Nullable Long moduleId,
                                           long unitId, String unitPath) {
        String title = required(Texts.field(f.title(), 200, "certificate.error.tooLong"));
        String officeName = required(Texts.field(f.officeName(), 255, "certificate.error.tooLong"));
        String code = required(Texts.field(f.officeCode(), 20, "certificate.error.officeCode")).toUpperCase(Locale.of("vi"));
        if (!OFFICE_CODE.matcher(code).matches()) {
            throw new ValidationException("certificate.error.officeCode");
        }
        String signerName = required(Texts.field(f.signerName(), 120, "certificate.error.tooLong"));
        String signerTitle = required(Texts.field(f.signerTitle(), 200, "certificate.error.tooLong"));
        String place = Texts.field(f.place(), 120, "certificate.error.tooLong");
        String wording = required(Texts.field(f.wording(), 1000, "certificate.error.tooLong"));
        if (f.hours() != null && (f.hours() < 1 || f.hours() > 2000)) {
            throw new ValidationException("certificate.error.hours");
        }
        return new TemplateStore.Row(0, classId, programme, unitId, unitPath, title, officeName, code, signerName, signerTitle, place,
                wording, f.hours(), false, 0, f.autoIssue(), moduleId);
    }

    private static String required(@Nullable String value) {
        if (value == null) {
            throw new ValidationException("certificate.error.required");
        }
        return value;
    }

    private static CertificateTemplate toTemplate(TemplateStore.Row r) {
        return new CertificateTemplate(r.id(), new TemplateForm(r.title(), r.officeName(), r.officeCode(), r.signerName(), r.signerTitle(),
                r.place(), r.wording(), r.hours(), r.classId() == null, r.autoIssue()), r.hasSeal(), r.classId(), r.programme(), r.version());
    }
}
