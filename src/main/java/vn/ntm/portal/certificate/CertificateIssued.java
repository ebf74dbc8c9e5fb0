package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * Published when a certificate comes into force, in the transaction that records it: issued here, or recorded as
 * issued on paper in past years ({@code paper}; its id is then a paper certificate's). Carries what read models need
 * without reading certificate's tables: the class (null for a certificate of no class, such as an online module),
 * the holder's person record, the unit path of the class, the day and year of issue, the number.
 */
public record CertificateIssued(long certificateId, boolean paper, @Nullable Long classId, long personId, String unitPath,
                                LocalDate issuedOn, String number) {

    public int year() {
        return issuedOn.getYear();
    }
}
