package vn.ntm.portal.audit;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** What the audit screen filters by; every part is optional. */
public record AuditQuery(@Nullable AuditSubject subject, @Nullable String text, @Nullable LocalDate from, @Nullable LocalDate to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null);
    }
}
