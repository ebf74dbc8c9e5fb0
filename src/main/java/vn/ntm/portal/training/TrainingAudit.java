package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.ntm.portal.audit.AuditAction;
import vn.ntm.portal.audit.AuditSubject;
import vn.ntm.portal.audit.AuditTrail;
import vn.ntm.portal.audit.AuditedChange;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.person.PersonSummary;
import vn.ntm.portal.training.domain.AttendanceStore;
import vn.ntm.portal.training.domain.TrainingClass;

import java.lang.reflect.RecordComponent;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Set;

/**
 * Describes the changes of the training module for the audit trail, in the caller's transaction. Entries carry
 * the class's unit path, so coordinators read the entries of their classes and nobody else's.
 */
@Component
class TrainingAudit {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Derived or bookkeeping fields: a change to them is not a change someone made. */
    private static final Set<String> NOT_AUDITED = Set.of("id", "version", "unitPath");

    private final AuditTrail trail;
    private final PersonDirectory persons;
    private final ClassAccess access;

    TrainingAudit(AuditTrail trail, PersonDirectory persons, ClassAccess access) {
        this.trail = trail;
        this.persons = persons;
        this.access = access;
    }

    void classCreated(ClassSummary created) {
        trail.record(compare(AuditedChange.of(AuditSubject.CLASS, created.id(), label(created), created.unitPath(), AuditAction.CREATED),
                null, created));
    }

    void classChanged(ClassSummary before, ClassSummary after) {
        AuditedChange change = compare(AuditedChange.of(AuditSubject.CLASS, after.id(), label(after), after.unitPath(), AuditAction.UPDATED),
                before, after);
        trail.record(change);
        if (!before.unitPath().equals(after.unitPath())) {
            // the unit the class left keeps the trace of the move in its own scope
            trail.record(compare(AuditedChange.of(AuditSubject.CLASS, after.id(), label(after), before.unitPath(), AuditAction.UPDATED),
                    before, after));
        }
    }

    /** A class of a past year, entered from the records kept in a spreadsheet. */
    void classImported(TrainingClass c) {
        trail.record(AuditedChange.of(AuditSubject.CLASS, c.getId(), label(c), path(c), AuditAction.CREATED)
                .field("code", null, c.getCode())
                .field("title", null, c.getTitle())
                .field("startDate", null, c.getStartDate())
                .field("endDate", null, c.getEndDate())
                .field("source", null, "IMPORT"));
    }

    void sessionsCreated(TrainingClass c, int count, String dates) {
        trail.record(AuditedChange.of(AuditSubject.SESSION, c.getId(), label(c), path(c), AuditAction.CREATED)
                .field("sessions", null, count + ": " + dates));
    }

    void rosterChanged(TrainingClass c, long personId, boolean added, String how) {
        trail.record(AuditedChange.of(AuditSubject.ROSTER, c.getId(), label(c), path(c), added ? AuditAction.ADDED : AuditAction.REMOVED)
                .field("person", added ? null : person(personId), added ? person(personId) : null)
                .field("source", null, how));
    }

    void rosterImported(TrainingClass c, int added) {
        trail.record(AuditedChange.of(AuditSubject.ROSTER, c.getId(), label(c), path(c), AuditAction.ADDED)
                .field("imported", null, added));
    }

    void marked(TrainingClass c, SessionSummary s, long personId, AttendanceStore.@Nullable Mark before, AttendanceStatus status,
                @Nullable String note) {
        trail.record(AuditedChange.of(AuditSubject.ATTENDANCE, c.getId(), label(c, s, personId), path(c), AuditAction.MARKED)
                .field("status", before == null ? null : before.status(), status)
                .field("note", before == null ? null : before.note(), note));
    }

    void noted(TrainingClass c, SessionSummary s, long personId, @Nullable String before, @Nullable String note) {
        trail.record(AuditedChange.of(AuditSubject.ATTENDANCE, c.getId(), label(c, s, personId), path(c), AuditAction.UPDATED)
                .field("note", before, note));
    }

    void completionRuleChanged(TrainingClass c, CompletionRuleChange change) {
        trail.record(AuditedChange.of(AuditSubject.CLASS, c.getId(), label(c), path(c), AuditAction.UPDATED)
                .field("completionShare", change.before().share(), change.after().share())
                .field("completionCountsExcused", change.before().excusedCounts(), change.after().excusedCounts())
                .field("completions", change.completedBefore(), change.completedAfter()));
    }

    void allPresent(TrainingClass c, SessionSummary s, int count) {
        trail.record(AuditedChange.of(AuditSubject.ATTENDANCE, c.getId(), c.getCode() + " · " + session(s), path(c), AuditAction.MARKED)
                .field("allPresent", null, count));
    }

    private static AuditedChange compare(AuditedChange change, @Nullable ClassSummary before, ClassSummary after) {
        for (RecordComponent component : ClassSummary.class.getRecordComponents()) {
            if (NOT_AUDITED.contains(component.getName())) {
                continue;
            }
            Object old = before == null ? null : value(component, before);
            Object now = value(component, after);
            if (!Objects.equals(old, now)) {
                change.field(component.getName(), old, now);
            }
        }
        return change;
    }

    private static @Nullable Object value(RecordComponent component, ClassSummary summary) {
        try {
            return component.getAccessor().invoke(summary);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String label(ClassSummary c) {
        return c.code() + " · " + c.title();
    }

    private static String label(TrainingClass c) {
        return c.getCode() + " · " + c.getTitle();
    }

    private String path(TrainingClass c) {
        return access.unitPath(c.getUnitId());
    }

    private String label(TrainingClass c, SessionSummary s, long personId) {
        return c.getCode() + " · " + session(s) + " · " + person(personId);
    }

    private static String session(SessionSummary s) {
        return DAY.format(s.date()) + " " + s.part().name();
    }

    private String person(long personId) {
        return persons.findById(personId).map(PersonSummary::fullName).orElse("#" + personId);
    }
}
