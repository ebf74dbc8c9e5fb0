package vn.ntm.portal.training;

/**
 * The five counters of a class, never to be confused (see the glossary):
 * enrolments (persons on the roster), session attendances (person × session marked present or late),
 * participations (lượt: persons with at least one attended session in this class), unique participants
 * (distinct persons; for one class equal to participations, across classes smaller) and completions
 * (persons who attended at least the class's completion share of its sessions).
 */
public record ClassCounts(long enrolments, long sessionAttendances, long participations, long uniqueParticipants,
                          long completions, int sessions) {
}
