package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** What an administrator fills in for a programme. */
public record ProgrammeDraft(String code, String title, @Nullable String decisionNumber, @Nullable LocalDate decisionDate,
                             @Nullable Integer periodFrom, @Nullable Integer periodTo, ProgrammeStatus status,
                             @Nullable String description) {
}
