package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;

import java.util.Set;

/**
 * What an author fills in for a module; audience and units say who may see it (units only with {@link ModuleAudience#UNITS}).
 */
public record ModuleDraft(@Nullable Long topicId, String title, @Nullable String summary, Set<TraineeLevel> levels,
                          @Nullable ModuleAudience audience, @Nullable Set<Long> unitIds) {

    /** A module open to everyone. */
    public ModuleDraft(@Nullable Long topicId, String title, @Nullable String summary, Set<TraineeLevel> levels) {
        this(topicId, title, summary, levels, ModuleAudience.EVERYONE, Set.of());
    }
}
