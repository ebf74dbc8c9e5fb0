package vn.ntm.portal.training;

/**
 * Published when a class is created or its details change (unit, dates, mode, budget...), when sessions are added,
 * and for each class of past years imported: whatever depends on the whole class (its sessions, the completion
 * share, the unit it is reported under) has to be read again.
 */
public record ClassChanged(long classId) {
}
