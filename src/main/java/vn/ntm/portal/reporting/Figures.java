package vn.ntm.portal.reporting;

import org.jspecify.annotations.Nullable;

/**
 * The counters of a report, never to be confused. Additive ones (classes, enrolments, session attendances,
 * participations, completions, online enrolments and completions, budget) add up across a breakdown to the total;
 * unique participants (distinct persons) do not, because one person may take part in several rows. In the breakdown by
 * trainer nothing adds up: a class with two trainers is in two rows ({@link Breakdown#rowsAddUp()}).
 * A null counter does not apply to the row (classes have no trainee level; online self-study has no delivery mode).
 * {@code certificates}: certificates in force (issued, or on paper in past years, not revoked) of the classes counted,
 * additive like completions and under the same dimensions (the class's place, first day, mode, levels, programme, trainers).
 */
public record Figures(@Nullable Long classes, long enrolments, long sessionAttendances, long participations,
                      long uniqueParticipants, long completions, @Nullable Long onlineEnrolments,
                      @Nullable Long onlineCompletions, @Nullable Long budgetVnd, long certificates) {

    public static final Figures ZERO = new Figures(0L, 0, 0, 0, 0, 0, 0L, 0L, 0L, 0);

    /** Figures without certificates (as before they were counted). */
    public Figures(@Nullable Long classes, long enrolments, long sessionAttendances, long participations, long uniqueParticipants,
                   long completions, @Nullable Long onlineEnrolments, @Nullable Long onlineCompletions, @Nullable Long budgetVnd) {
        this(classes, enrolments, sessionAttendances, participations, uniqueParticipants, completions, onlineEnrolments, onlineCompletions,
                budgetVnd, 0);
    }

    public Figures withClassLevel(@Nullable Long classes, @Nullable Long budgetVnd) {
        return new Figures(classes, enrolments, sessionAttendances, participations, uniqueParticipants, completions,
                onlineEnrolments, onlineCompletions, budgetVnd, certificates);
    }

    public Figures withOnline(@Nullable Long enrolments, @Nullable Long completions) {
        return new Figures(classes, this.enrolments, sessionAttendances, participations, uniqueParticipants, this.completions,
                enrolments, completions, budgetVnd, certificates);
    }
}
