package vn.ntm.portal.audit;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** One recorded change, as the audit screen shows it. */
public record AuditEntry(long id, Instant at, String actorName, AuditSubject subject, long subjectId, String subjectLabel,
                         @Nullable String unitPath, AuditAction action, List<AuditedChange.FieldChange> fields) {
}
