package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

public record ClassSummary(long id, String code, String title, @Nullable String programme, @Nullable String topics,
                           long unitId, String unitName, String unitPath, @Nullable Long organisationId,
                           OrganisingLevel organisingLevel, @Nullable String targetGroups, DeliveryMode mode,
                           @Nullable String venue, @Nullable String meetingLink, LocalDate startDate, LocalDate endDate,
                           @Nullable Integer capacity, @Nullable Long budgetVnd, ClassStatus status, int completionShare,
                           List<Long> trainerAccountIds, long version) {
}
