package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;

/**
 * One person's participation in one class, as training decides it: on the roster or not, the class's sessions, the
 * sessions they attended (present or late, each once, over all records of a merged person), those they were excused
 * from without attending, whether they completed under the class's {@link CompletionRule} and why.
 * {@code personId} is the kept record of a merged person; {@code traineeLevel} the level the class's roster recorded
 * (the person's current level only for someone marked present without a roster place), null when unknown.
 */
public record ParticipationView(long personId, long classId, boolean enrolled, int sessions, int attendedSessions,
                                int excusedSessions, boolean completed, Outcome why, @Nullable String traineeLevel) {

    public enum Outcome {
        COMPLETED, TOO_FEW_SESSIONS, NEVER_ATTENDED, NO_SESSIONS
    }

    /** A participation in the reports' sense (lượt): at least one session attended. */
    public boolean participated() {
        return attendedSessions > 0;
    }
}
