package vn.ntm.portal.certificate;

import java.util.List;

/**
 * The answer of the public verification page. {@code byNumber}: the certificate was looked up by its number
 * (printed in sequence, so easy to guess): the page then shows the name shortened and no birth year.
 * {@code paper}: certificates issued on paper in past years that carry the number, recorded by the history import.
 */
public record Verification(Outcome outcome, List<IssuedCertificate> found, boolean byNumber, List<PaperCertificate> paper) {

    public enum Outcome { FOUND, NOT_FOUND, MALFORMED, EMPTY, TOO_MANY }

    /** {@code paper}: certificates issued on paper in past years with the number looked up (found by number only). */
    public Verification(Outcome outcome, List<IssuedCertificate> found, boolean byNumber) {
        this(outcome, found, byNumber, List.of());
    }

    static Verification of(Outcome outcome) {
        return new Verification(outcome, List.of(), false);
    }
}
