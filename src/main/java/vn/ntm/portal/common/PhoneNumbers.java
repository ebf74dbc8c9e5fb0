package vn.ntm.portal.common;

import org.jspecify.annotations.Nullable;

import java.util.regex.Pattern;

/** Vietnamese phone numbers in any of their written forms (09…, +84 9…, 84 9…, with spaces, dots or dashes). */
public final class PhoneNumbers {

    private static final Pattern NATIONAL = Pattern.compile("0\\d{9,10}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern WITHOUT_LEADING_ZERO = Pattern.compile("[35789]\\d{8}");

    private PhoneNumbers() {
    }

    /** The national form (0912345678), or null when the text is not a phone number. */
    public static @Nullable String normalize(@Nullable String text) {
        if (text == null) {
            return null;
        }
        // patterns compiled once: a check-in burst normalises thousands of numbers a minute
        String digits = SEPARATORS.matcher(text.strip()).replaceAll("");
        if (WITHOUT_LEADING_ZERO.matcher(digits).matches()) {
            // a spreadsheet stored 0912345678 as the number 912345678
            digits = "0" + digits;
        } else if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() >= 11) {
            digits = "0" + digits.substring(2);
        }
        return NATIONAL.matcher(digits).matches() ? digits : null;
    }
}
