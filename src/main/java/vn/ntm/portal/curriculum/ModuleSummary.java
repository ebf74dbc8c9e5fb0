package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;

import java.util.Set;

/** An online module as the catalog shows it; version counts its published editions; audience says who may see it. */
public record ModuleSummary(long id, String title, @Nullable String summary, long programmeId, String programmeTitle,
                            long topicId, int topicNumber, String topicTitle, Set<TraineeLevel> levels,
                            ModuleStatus status, int version, int lessonCount, ModuleAudience audience, Set<Long> unitIds) {

    public boolean isPublished() {
        return status == ModuleStatus.PUBLISHED;
    }
}
