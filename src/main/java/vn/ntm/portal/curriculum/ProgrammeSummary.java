package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * A programme (curriculum) with its legal basis: the decision that issued it. {@code ownerUnitId} is the unit whose
 * coordinators manage it, null for a national programme (administrators only).
 */
public record ProgrammeSummary(long id, String code, String title, @Nullable String decisionNumber,
                               @Nullable LocalDate decisionDate, @Nullable Integer periodFrom, @Nullable Integer periodTo,
                               ProgrammeStatus status, @Nullable String description, @Nullable Long ownerUnitId) {
}
