package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;

/**
 * A walk-in as the trainer sees it before deciding: what the person typed, and who the portal would add. When the
 * typed number belongs to someone recorded under another name, the trainer sees only that name's initials (enough
 * to ask the person in front of them, not enough to learn a stranger's name) and chooses.
 */
public record WalkInRequest(long id, String typedName, String identifier, Match match, @Nullable String matchedInitials) {

    public enum Match {
        /** Nobody is recorded with this phone or national ID: accepting creates a person with the typed details. */
        NEW_PERSON,
        /** The number belongs to a recorded person of the same name: accepting adds that person. */
        SAME_PERSON,
        /** The number belongs to a recorded person of another name: the trainer must choose. */
        NAME_DIFFERS
    }

    /** What the trainer decides. */
    public enum Decision { ADD_MATCHED, ADD_AS_NEW, DECLINE }
}
