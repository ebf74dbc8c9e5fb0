package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * What a certificate is issued for: a class (its id, code, title, programme, dates and unit) or an online module
 * (its id and title, the enrolment's dates, the learner's unit, the quiz score). The unit path scopes the certificate.
 */
record IssueSubject(@Nullable Long classId, @Nullable Long moduleId, String code, String title, @Nullable String programme,
                    LocalDate startDate, LocalDate endDate, String unitPath, @Nullable Integer quizScore) {

    static IssueSubject of(CompletionSource.ClassRecord c) {
        return new IssueSubject(c.id(), null, c.code(), c.title(), c.programme(), c.startDate(), c.endDate(), c.unitPath(), null);
    }

    /** How the audit trail names it beside the number and the trainee. */
    String label() {
        return code.isEmpty() ? title : code;
    }
}
