package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;

import java.util.Set;

/** What an author fills in for a module. */
public record ModuleDraft(@Nullable Long topicId, String title, @Nullable String summary, Set<TraineeLevel> levels) {
}
