package vn.ntm.portal.curriculum;

public record TopicGroupSummary(long id, long programmeId, String number, String title) {
}
