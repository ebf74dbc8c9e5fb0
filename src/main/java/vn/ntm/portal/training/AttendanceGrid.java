package vn.ntm.portal.training;

import vn.ntm.portal.training.domain.AttendanceStore;
import vn.ntm.portal.training.domain.RosterStore;

import java.util.List;
import java.util.Map;

/** Everything the attendance grid shows: the roster down, the sessions across, the marks in the cells. */
public record AttendanceGrid(List<SessionSummary> sessions, List<RosterStore.Row> roster,
                             Map<String, AttendanceStore.Mark> marks) {

    public static String key(long sessionId, long personId) {
        return sessionId + ":" + personId;
    }

    public AttendanceStore.Mark mark(long sessionId, long personId) {
        return marks.get(key(sessionId, personId));
    }
}
