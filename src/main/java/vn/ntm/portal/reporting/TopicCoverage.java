package vn.ntm.portal.reporting;

import java.util.List;

/** Which topics of a framework were taught to the unit in the period, with participations, and which were not at all. */
public record TopicCoverage(long programmeId, String programmeTitle, List<Topic> taught, List<Topic> notTaught) {

    public record Topic(long topicId, int number, String title, long classes, long participations) {
    }
}
