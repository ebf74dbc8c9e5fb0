package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;

/** A topic keeps its number in the framework; illustrative when its title is not the official one. */
public record TopicSummary(long id, long programmeId, long groupId, String groupNumber, int number, String title,
                           @Nullable String description, boolean illustrative) {
}
