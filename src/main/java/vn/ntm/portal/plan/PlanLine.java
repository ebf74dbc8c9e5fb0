package vn.ntm.portal.plan;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.training.OrganisingLevel;

/** One row of a plan as the page shows it; {@code traineeLevel} null: the row covers every trainee level. */
public record PlanLine(long id, long unitId, String unitName, int year, OrganisingLevel organisingLevel, @Nullable TraineeLevel traineeLevel,
                       int plannedClasses, int plannedParticipations, long plannedBudgetVnd, long version) {

    public PlanForm form() {
        return new PlanForm(unitId, year, organisingLevel, traineeLevel, plannedClasses, plannedParticipations, plannedBudgetVnd);
    }
}
