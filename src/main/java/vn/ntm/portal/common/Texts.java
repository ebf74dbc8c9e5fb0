package vn.ntm.portal.common;

import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text typed or imported by people, made comparable: Vietnamese letters in their composed form (a name typed on a
 * phone and the same name pasted from Word may differ only in how "ễ" is encoded), invisible characters removed
 * (zero-width spaces, direction marks, byte-order marks pasted along), any run of spaces as one.
 */
public final class Texts {

    /** Format characters (zero-width, direction marks, BOM, soft hyphen) and control characters. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}&&[^\\t\\n\\r]]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u3000]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Texts() {
    }

    /** The cleaned single-line text, or null for null. */
    public static @Nullable String clean(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACES.matcher(INVISIBLE.matcher(composed).replaceAll("")).replaceAll(" ").strip();
    }

    /**
     * Vietnamese text folded for comparison: lower case, without diacritics, đ as d, single spaces
     * ("Chuyển đổi số" and "chuyen doi so" fold alike). For matching only; never stored in place of what was typed.
     */
    public static String fold(String text) {
        String s = INVISIBLE.matcher(text.replace('đ', 'd').replace('Đ', 'D')).replaceAll("");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * {@link #fold} with punctuation read as spaces: the words of a text, for matching whole words and phrases
     * ("Cán bộ thôn, bản" → "can bo thon ban"; "Trực  tuyến" typed decomposed, or "Truc tuyen" → "truc tuyen").
     */
    public static String words(String text) {
        return NOT_WORD.matcher(fold(text)).replaceAll(" ").strip();
    }

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
}
