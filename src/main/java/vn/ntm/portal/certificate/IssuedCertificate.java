package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A certificate as issued: what it says and whether it still holds. A class's certificate has a {@code classId}; an
 * online module's a {@code moduleId} (its title in {@code classTitle}, no sessions) and its {@code quizScore} if any.
 */
public record IssuedCertificate(long id, String number, String code, @Nullable Long classId, long personId, String traineeName,
                                @Nullable Integer birthYear, @Nullable String traineeUnit, String classCode, String classTitle,
                                @Nullable String programme, LocalDate startDate, LocalDate endDate, int sessionsAttended,
                                int sessions, boolean completed, @Nullable String exceptionReason, String title,
                                String officeName, String signerName, String signerTitle, @Nullable String place,
                                String wording, @Nullable Integer hours, LocalDate issuedOn, long templateId,
                                @Nullable Instant revokedAt, @Nullable String revokedReason, @Nullable Long moduleId,
                                @Nullable Integer quizScore) {

    /** A certificate of an online module rather than of a class. */
    public boolean ofModule() {
        return moduleId != null;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public String groupedCode() {
        return VerificationCode.grouped(code);
    }
}
