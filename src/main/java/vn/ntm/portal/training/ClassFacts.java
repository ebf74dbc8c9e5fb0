package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A class as other modules' read models need it (the reports): its dimensions, number of sessions, completion share and
 * trainers (account ids, ascending). Facts only, read through {@link ClassFeed}.
 */
public record ClassFacts(long id, String code, String title, LocalDate startDate, long unitId, ClassStatus status,
                         OrganisingLevel organisingLevel, DeliveryMode deliveryMode, @Nullable String programme,
                         @Nullable String topics, @Nullable String targetGroups, long budgetVnd, int completionShare,
                         int sessions, List<Long> trainerIds) {
}
