package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;

/**
 * What the class list is narrowed to: a piece of the code or title ({@code text}), the year the class starts, its
 * status and its mode; null for "any". The reader's scope always applies on top.
 */
public record ClassFilter(@Nullable String text, @Nullable Integer year, @Nullable ClassStatus status, @Nullable DeliveryMode mode) {

    public static final ClassFilter ANY = new ClassFilter(null, null, null, null);

    /** The search text without surrounding blanks, LIKE's wildcards taken literally; null when nothing is typed. */
    @Nullable String searchText() {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
