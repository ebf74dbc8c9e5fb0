package vn.ntm.portal.training;

import java.time.LocalTime;

/** Half-day slots: a 2-day class usually has four sessions. */
public enum SessionPart {
    MORNING(LocalTime.of(7, 30), LocalTime.of(11, 30)),
    AFTERNOON(LocalTime.of(13, 30), LocalTime.of(17, 0)),
    EVENING(LocalTime.of(19, 0), LocalTime.of(21, 0));

    private final LocalTime defaultStart;
    private final LocalTime defaultEnd;

    SessionPart(LocalTime defaultStart, LocalTime defaultEnd) {
        this.defaultStart = defaultStart;
        this.defaultEnd = defaultEnd;
    }

    public LocalTime defaultStart() {
        return defaultStart;
    }

    public LocalTime defaultEnd() {
        return defaultEnd;
    }
}
