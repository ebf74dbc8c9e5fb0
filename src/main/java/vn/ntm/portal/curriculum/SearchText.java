package vn.ntm.portal.curriculum;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text folded for search: lower case, without diacritics ("Chuyển đổi số" → "chuyen doi so"),
 * đ → d, runs of spaces made one. Stored in the search_text columns and applied to what people type.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    public static String fold(String text) {
        String s = text.replace('đ', 'd').replace('Đ', 'D');
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The folded text as a LIKE pattern fragment, with the LIKE wildcards of the input escaped. */
    public static String likeFragment(String typed) {
        return fold(typed).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
