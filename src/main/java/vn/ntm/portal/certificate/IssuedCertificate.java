package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** A certificate as issued: what it says and whether it still holds. */
public record IssuedCertificate(long id, String number, String code, long classId, long personId, String traineeName,
                                @Nullable Integer birthYear, @Nullable String traineeUnit, String classCode, String classTitle,
                                @Nullable String programme, LocalDate startDate, LocalDate endDate, int sessionsAttended,
                                int sessions, boolean completed, @Nullable String exceptionReason, String title,
                                String officeName, String signerName, String signerTitle, @Nullable String place,
                                String wording, @Nullable Integer hours, LocalDate issuedOn, long templateId,
                                @Nullable Instant revokedAt, @Nullable String revokedReason) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public String groupedCode() {
        return VerificationCode.grouped(code);
    }
}
