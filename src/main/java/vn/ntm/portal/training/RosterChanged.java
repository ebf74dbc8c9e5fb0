package vn.ntm.portal.training;

import java.time.Instant;

/**
 * Published when a person is added to or removed from a class roster (by hand, by a file, by an accepted request or
 * walk-in), in the transaction that changes it: the class, the person, added or removed, and when.
 */
public record RosterChanged(long classId, long personId, boolean added, Instant at) {
}
