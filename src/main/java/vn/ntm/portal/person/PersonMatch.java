package vn.ntm.portal.person;

import org.jspecify.annotations.Nullable;

/**
 * How a row of a roster was matched to a stored person: by national ID, then by phone, then - only as a
 * possible duplicate for someone to confirm - by name, birth year and commune.
 */
public record PersonMatch(Kind kind, @Nullable Long personId) {

    public enum Kind { NATIONAL_ID, PHONE, POSSIBLE_DUPLICATE, NEW }

    public static final PersonMatch NEW = new PersonMatch(Kind.NEW, null);

    /** True when the row is the stored person without a doubt. */
    public boolean certain() {
        return kind == Kind.NATIONAL_ID || kind == Kind.PHONE;
    }
}
