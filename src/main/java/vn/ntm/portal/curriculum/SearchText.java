package vn.ntm.portal.curriculum;

import vn.ntm.portal.common.Texts;

/**
 * Vietnamese text folded for search: lower case, without diacritics ("Chuyển đổi số" → "chuyen doi so"),
 * đ → d, runs of spaces made one. Stored in the search_text columns and applied to what people type.
 */
public final class SearchText {

    private SearchText() {
    }

    public static String fold(String text) {
        return Texts.fold(text);
    }

    /** The folded text as a LIKE pattern fragment, with the LIKE wildcards of the input escaped. */
    public static String likeFragment(String typed) {
        return fold(typed).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
