package vn.ntm.portal.certificate;

import java.util.List;

/**
 * The answer of the public verification page. {@code byNumber}: the certificate was looked up by its number
 * (printed in sequence, so easy to guess): the page then shows the name shortened and no birth year.
 */
public record Verification(Outcome outcome, List<IssuedCertificate> found, boolean byNumber) {

    public enum Outcome { FOUND, NOT_FOUND, MALFORMED, EMPTY, TOO_MANY }

    static Verification of(Outcome outcome) {
        return new Verification(outcome, List.of(), false);
    }
}
