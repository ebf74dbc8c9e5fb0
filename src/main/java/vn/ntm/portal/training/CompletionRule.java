package vn.ntm.portal.training;

import vn.ntm.portal.common.ValidationException;

/**
 * When a person has completed a class: they attended (present or late) at least {@code share} percent of its
 * sessions, sessions they were excused from counting too when {@code excusedCounts} says so. Someone who never
 * attended a session has not completed, whatever was excused. This is the one place that decides "completed" for a
 * class: the class page, the reports and the certificates all take it from {@link Participations}.
 */
public record CompletionRule(int share, boolean excusedCounts) {

    /** The portal's rule, as it always was: 80% of the sessions, present or late, excused sessions not counted. */
    public static final CompletionRule PORTAL_DEFAULT = new CompletionRule(80, false);

    public CompletionRule {
        if (share < 1 || share > 100) {
            throw new ValidationException("training.error.completionShare");
        }
    }

    /** Why a person with these facts has or has not completed a class of {@code sessions} sessions. */
    public ParticipationView.Outcome decide(int sessions, int attended, int excusedNotAttended) {
        return decide(share, excusedCounts, sessions, attended, excusedNotAttended);
    }

    /** The rule itself, also for a stored rule that a validation of today would not let through. */
    static ParticipationView.Outcome decide(int share, boolean excusedCounts, int sessions, int attended, int excusedNotAttended) {
        if (sessions == 0) {
            return ParticipationView.Outcome.NO_SESSIONS;
        }
        if (attended == 0) {
            return ParticipationView.Outcome.NEVER_ATTENDED;
        }
        int credited = attended + (excusedCounts ? excusedNotAttended : 0);
        // integer arithmetic, as the reports have always compared: credited / sessions >= share / 100
        return (long) credited * 100 >= (long) share * sessions
                ? ParticipationView.Outcome.COMPLETED : ParticipationView.Outcome.TOO_FEW_SESSIONS;
    }
}
