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

    /**
     * Format characters (zero-width, direction marks, BOM, soft hyphen), control characters, and halves of a
     * surrogate pair left alone by a broken encoding (the database could only store them as "?").
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}\\p{Cs}&&[^\\t\\n\\r]]");
    /** Within a line of a long text: runs of spaces and tabs, which are not line breaks. */
    private static final Pattern LINE_SPACES = Pattern.compile("[ \\t\\u00A0\\u2007\\u202F\\u3000]+");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u0085]");
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
     * A long text that keeps its lines (a description, a lesson, a question): composed, without invisible
     * characters, line breaks as "\n", spaces within a line as one, ends stripped.
     */
    public static @Nullable String cleanLines(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String composed = LINE_BREAKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("\n");
        // a line feed is kept as a line break; the other controls go as invisible ones
        String visible = INVISIBLE.matcher(composed).replaceAll("").replace("\t", " ");
        return LINE_SPACES.matcher(visible).replaceAll(" ").strip();
    }

    /**
     * A typed single-line field, cleaned: null when nothing visible is left, refused with {@code messageKey} when
     * longer than {@code maxLength} (the column's width), so that an over-long text gets a message, never a database error.
     */
    public static @Nullable String field(@Nullable String text, int maxLength, String messageKey) {
        return limited(clean(text), maxLength, messageKey);
    }

    /** {@link #field} for a long text that keeps its lines. */
    public static @Nullable String longField(@Nullable String text, int maxLength, String messageKey) {
        return limited(cleanLines(text), maxLength, messageKey);
    }

    private static @Nullable String limited(@Nullable String cleaned, int maxLength, String messageKey) {
        if (cleaned == null || cleaned.isEmpty()) {
            return null;
        }
        if (cleaned.length() > maxLength) {
            throw new ValidationException(messageKey, maxLength);
        }
        return cleaned;
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
