package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The code printed on a certificate and carried by its QR code: 20 characters of a 32-letter alphabet (100 random
 * bits from {@link SecureRandom}), without 0/O and 1/I which people confuse, shown in groups of four. Whoever types
 * it may use spaces, dashes or lower case.
 */
public final class VerificationCode {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCode() {
    }

    static String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** The code as printed: {@code ABCD-EFGH-JKLM-NPQR-STUV}. */
    public static String grouped(String code) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                s.append('-');
            }
            s.append(code.charAt(i));
        }
        return s.toString();
    }

    /** What someone typed, as a stored code: empty when it cannot be one (wrong length, a letter not in the alphabet). */
    static Optional<String> parse(@Nullable String typed) {
        if (typed == null || typed.length() > 80) {
            return Optional.empty();
        }
        String s = typed.replaceAll("[\\s\\-._]", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }
}
