package vn.ntm.portal.plan;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.training.OrganisingLevel;

/** What a coordinator enters for one row of a plan (typed or read from a sheet). */
public record PlanForm(long unitId, int year, OrganisingLevel organisingLevel, @Nullable TraineeLevel traineeLevel,
                       int plannedClasses, int plannedParticipations, long plannedBudgetVnd) {
}
