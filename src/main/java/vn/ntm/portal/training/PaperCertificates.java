package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Certificates of completion issued on paper in past years, as the past-years sheet lists them. Training only hands
 * them over: the certificate module implements this port and keeps them, so that the public verification finds them
 * by number. Training owns the port so that it never depends on the certificate module.
 */
public interface PaperCertificates {

    /** One paper certificate of a participation just imported, with what verification shows of it. */
    record Paper(String number, LocalDate issuedOn, long classId, long personId, String unitPath, String traineeName,
                 @Nullable Integer birthYear, String classCode, String classTitle, LocalDate startDate, LocalDate endDate) {
    }

    /** A number in the year it was given: offices start their numbering again each year. */
    record Numbered(String number, int year) {
    }

    /** Of these numbers (in {@link #normalized} form), those already taken that year by a certificate, on paper or issued here. */
    Set<Numbered> taken(Collection<Numbered> numbers);

    /** Records the paper certificates, in the caller's transaction. */
    void record(List<Paper> papers);

    /** A number as compared and stored: without spaces, in capitals, as the verification page compares what is typed. */
    static String normalized(String typed) {
        return typed.replaceAll("\\s+", "").toUpperCase(Locale.of("vi"));
    }

    /** A number as offices write them ("123/GCN-VPĐP", "45/2019/GCN"): letters, digits, / - and dots, with a digit, at most 40. */
    static boolean plausible(String normalized) {
        return normalized.length() <= 40 && normalized.matches("[\\p{L}0-9][\\p{L}0-9/.\\-]*") && normalized.matches(".*[0-9].*");
    }
}
