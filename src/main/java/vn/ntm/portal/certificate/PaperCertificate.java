package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** A certificate issued on paper in past years, as the verification page shows it. */
public record PaperCertificate(String number, LocalDate issuedOn, String traineeName, @Nullable Integer birthYear, String classCode,
                               String classTitle, LocalDate startDate, LocalDate endDate) {
}
