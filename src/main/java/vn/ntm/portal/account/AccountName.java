package vn.ntm.portal.account;

import org.jspecify.annotations.Nullable;

/** An account's name and the name of its unit, for labels and choices in other modules (the reports' trainers). */
public record AccountName(long id, String fullName, @Nullable String unitName) {
}
