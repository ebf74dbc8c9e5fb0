package vn.ntm.portal.learning;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** One enrolment in a coordinator's list and export. */
public record EnrolmentRow(String fullName, String username, @Nullable String unitName, String moduleTitle,
                           int moduleVersion, Instant enrolledAt, @Nullable LocalDate completedOn,
                           @Nullable Integer completedVersion) {
}
