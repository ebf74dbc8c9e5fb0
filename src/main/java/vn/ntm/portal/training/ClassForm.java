package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.common.Texts;

import java.time.LocalDate;
import java.util.List;

/** What a coordinator fills in to create or change a class. */
public record ClassForm(String code, String title, @Nullable String programme, @Nullable String topics, long unitId,
                        @Nullable Long organisationId, OrganisingLevel organisingLevel, @Nullable String targetGroups,
                        DeliveryMode mode, @Nullable String venue, @Nullable String meetingLink, LocalDate startDate,
                        LocalDate endDate, @Nullable Integer capacity, @Nullable Long budgetVnd, ClassStatus status,
                        int completionShare, List<Long> trainerAccountIds) {

    public ClassForm {
        code = Texts.clean(code);
        title = Texts.clean(title);
        // the optional fields: nothing visible typed is nothing, not an empty text
        programme = optional(programme);
        topics = optional(topics);
        targetGroups = optional(targetGroups);
        venue = optional(venue);
        meetingLink = optional(meetingLink);
    }

    private static @Nullable String optional(@Nullable String text) {
        String clean = Texts.clean(text);
        return clean == null || clean.isEmpty() ? null : clean;
    }

    public ClassForm withProgramme(@Nullable String newProgramme) {
        return new ClassForm(code, title, newProgramme, topics, unitId, organisationId, organisingLevel, targetGroups, mode, venue,
                meetingLink, startDate, endDate, capacity, budgetVnd, status, completionShare, trainerAccountIds);
    }
}
