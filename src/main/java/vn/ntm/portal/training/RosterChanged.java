package vn.ntm.portal.training;

/** Published when a person is added to or removed from a class roster. */
public record RosterChanged(long classId, long personId, boolean added) {
}
