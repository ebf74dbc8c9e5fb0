package vn.ntm.portal.person;

/** Two records turned out to be one person: everything recorded under {@code mergedId} now belongs to {@code keptId}. */
public record PersonsMerged(long keptId, long mergedId) {
}
