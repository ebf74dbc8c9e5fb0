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
        programme = Texts.clean(programme);
        topics = Texts.clean(topics);
        targetGroups = Texts.clean(targetGroups);
        venue = Texts.clean(venue);
        meetingLink = Texts.clean(meetingLink);
    }

    public ClassForm withProgramme(@Nullable String newProgramme) {
        return new ClassForm(code, title, newProgramme, topics, unitId, organisationId, organisingLevel, targetGroups, mode, venue,
                meetingLink, startDate, endDate, capacity, budgetVnd, status, completionShare, trainerAccountIds);
    }
}
