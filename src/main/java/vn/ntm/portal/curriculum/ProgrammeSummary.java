package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** A programme (curriculum) with its legal basis: the decision that issued it. */
public record ProgrammeSummary(long id, String code, String title, @Nullable String decisionNumber,
                               @Nullable LocalDate decisionDate, @Nullable Integer periodFrom, @Nullable Integer periodTo,
                               ProgrammeStatus status, @Nullable String description) {
}
