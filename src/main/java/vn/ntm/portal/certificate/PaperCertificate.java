package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A certificate issued on paper in past years, as the verification page and the class's certificates page show it.
 * {@code revokedAt}: set once a coordinator revoked it (imported by mistake); it then no longer counts as in force.
 */
public record PaperCertificate(long id, String number, LocalDate issuedOn, long classId, long personId, String traineeName,
                               @Nullable Integer birthYear, String classCode, String classTitle, LocalDate startDate, LocalDate endDate,
                               @Nullable Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Its public verification page, relative to the portal's address: found by number, as it has no code. */
    public String verifyPath() {
        return "/verify?q=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
    }
}
