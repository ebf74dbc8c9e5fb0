package vn.ntm.portal.training;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Turns a mark into {@link CompletionChanged} when it may have turned the person's verdict. Runs in the transaction
 * of the mark (a plain, synchronous listener), so the completion event is persisted with the mark or not at all.
 * Completion only grows with attended sessions: a present or late mark can make someone complete, any other mark can
 * only undo it, and only for someone who would complete with one session more. Other marks publish nothing, so a
 * check-in of someone still short of the rule costs one small query and no event. Marks of an imported past year's
 * class publish nothing here (thousands at once; the import publishes {@link ClassChanged} per class).
 */
@Component
class CompletionWatch {

    private final Participations participations;
    private final ApplicationEventPublisher events;

    CompletionWatch(Participations participations, ApplicationEventPublisher events) {
        this.participations = participations;
        this.events = events;
    }

    @EventListener
    void on(AttendanceChanged mark) {
        if (mark.source() == AttendanceSource.IMPORT) {
            return; // a past year's class is imported whole and published as ClassChanged: its listeners look it over once
        }
        List<ParticipationView> now = participations.of(mark.classId(), List.of(mark.personId()));
        for (ParticipationView p : now) {
            boolean attended = mark.status() == AttendanceStatus.PRESENT || mark.status() == AttendanceStatus.LATE;
            boolean mayHaveTurned = attended ? p.completed()
                    : !p.completed() && participations.wouldComplete(mark.classId(), p.attendedSessions() + 1,
                    Math.max(0, p.excusedSessions() - (mark.status() == AttendanceStatus.EXCUSED ? 1 : 0)));
            if (mayHaveTurned) {
                events.publishEvent(new CompletionChanged(mark.classId(), p.personId(), p.completed(), p.attendedSessions(), p.sessions(),
                        mark.at()));
            }
        }
    }
}
