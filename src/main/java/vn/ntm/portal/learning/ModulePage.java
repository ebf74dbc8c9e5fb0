package vn.ntm.portal.learning;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.curriculum.LessonSummary;
import vn.ntm.portal.curriculum.ModuleSummary;

import java.util.List;

/** A module with its lessons and, when the reader is enrolled, their progress. */
public record ModulePage(ModuleSummary module, List<LessonSummary> lessons, @Nullable EnrolmentState enrolment) {
}
