package vn.ntm.portal.audit;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One change to one record, as a service describes it: the record, the unit whose coordinators may read the
 * entry ({@code unitPath}; null means administrators only) and the fields that changed.
 */
public final class AuditedChange {

    private final AuditSubject subject;
    private final long subjectId;
    private final String subjectLabel;
    private final @Nullable String unitPath;
    private final AuditAction action;
    private final List<FieldChange> fields = new ArrayList<>();

    private AuditedChange(AuditSubject subject, long subjectId, String subjectLabel, @Nullable String unitPath, AuditAction action) {
        this.subject = subject;
        this.subjectId = subjectId;
        this.subjectLabel = subjectLabel;
        this.unitPath = unitPath;
        this.action = action;
    }

    public static AuditedChange of(AuditSubject subject, long subjectId, String subjectLabel, @Nullable String unitPath,
                                   AuditAction action) {
        return new AuditedChange(subject, subjectId, subjectLabel, unitPath, action);
    }

    /** Adds a field's old and new value; a field that did not change is left out. */
    public AuditedChange field(String name, @Nullable Object oldValue, @Nullable Object newValue) {
        String before = oldValue == null ? null : oldValue.toString();
        String after = newValue == null ? null : newValue.toString();
        if (!Objects.equals(before, after)) {
            fields.add(new FieldChange(name, before, after));
        }
        return this;
    }

    public boolean changesNothing() {
        return fields.isEmpty() && action == AuditAction.UPDATED;
    }

    public AuditSubject subject() {
        return subject;
    }

    public long subjectId() {
        return subjectId;
    }

    public String subjectLabel() {
        return subjectLabel;
    }

    public @Nullable String unitPath() {
        return unitPath;
    }

    public AuditAction action() {
        return action;
    }

    public List<FieldChange> fields() {
        return List.copyOf(fields);
    }

    public record FieldChange(String field, @Nullable String oldValue, @Nullable String newValue) {
    }
}
