package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.common.Texts;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.training.domain.AttendanceStore;
import vn.ntm.portal.training.domain.ClassSession;
import vn.ntm.portal.training.domain.ClassSessionRepository;
import vn.ntm.portal.training.domain.RosterStore;
import vn.ntm.portal.training.domain.TrainingClass;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Attendance taken by trainers, and the counts of a class. */
@Service
public class AttendanceService {

    private final TrainingAudit audit;

    private final AttendanceStore attendance;
    private final RosterStore roster;
    private final ClassSessionRepository sessions;
    private final ClassAccess access;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Participations participations;

    AttendanceService(AttendanceStore attendance, RosterStore roster, ClassSessionRepository sessions, ClassAccess access,
                      CurrentUser currentUser, ApplicationEventPublisher events, Clock clock, TrainingAudit audit,
                      Participations participations) {
        this.participations = participations;
        this.audit = audit;
        this.attendance = attendance;
        this.roster = roster;
        this.sessions = sessions;
        this.access = access;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public AttendanceGrid grid(long classId) {
        access.attendanceTaker(classId);
        Map<String, AttendanceStore.Mark> marks = new HashMap<>();
        for (AttendanceStore.Mark m : attendance.marksOfClass(classId)) {
            marks.put(AttendanceGrid.key(m.sessionId(), m.personId()), m);
        }
        List<SessionSummary> list = sessions.findByClass(classId).stream().map(ClassSession::toSummary).toList();
        return new AttendanceGrid(list, roster.rows(classId, 0, Integer.MAX_VALUE), marks);
    }

    /**
     * Records one mark. {@code seenVersion} is the version of the mark the trainer saw (null: none); if another
     * trainer changed it meanwhile, the call is refused and nothing is overwritten.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional
    public void mark(long sessionId, long personId, AttendanceStatus status, @Nullable String note, @Nullable Long seenVersion) {
        ClassSession session = sessions.findById(sessionId).orElseThrow(() -> new ValidationException("training.error.sessionNotFound"));
        TrainingClass c = access.attendanceTaker(session.getClassId());
        if (!roster.contains(c.getId(), personId)) {
            throw new ValidationException("attendance.error.notOnRoster");
        }
        String cleanNote = cleanNote(note);
        java.time.Instant at = clock.instant();
        AttendanceStore.Mark before = attendance.find(sessionId, personId).orElse(null);
        if (!attendance.mark(sessionId, personId, status, cleanNote, seenVersion, currentUser.require().accountId(), at)) {
            throw new ValidationException("attendance.error.changedMeanwhile");
        }
        events.publishEvent(new AttendanceChanged(c.getId(), sessionId, personId, status, AttendanceSource.TRAINER, at));
        audit.marked(c, session.toSummary(), personId, before, status, cleanNote);
    }

    /**
     * Changes the note of a mark (why someone was excused, came late...), saved like the marks against the version
     * the trainer saw: if another trainer changed the mark meanwhile, nothing is overwritten. A note needs a mark.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional
    public void note(long sessionId, long personId, @Nullable String note, @Nullable Long seenVersion) {
        ClassSession session = sessions.findById(sessionId).orElseThrow(() -> new ValidationException("training.error.sessionNotFound"));
        TrainingClass c = access.attendanceTaker(session.getClassId());
        if (seenVersion == null) {
            throw new ValidationException("attendance.error.noteWithoutMark");
        }
        String before = attendance.find(sessionId, personId).map(AttendanceStore.Mark::note).orElse(null);
        String cleanNote = cleanNote(note);
        if (!attendance.note(sessionId, personId, cleanNote, seenVersion)) {
            throw new ValidationException("attendance.error.changedMeanwhile");
        }
        audit.noted(c, session.toSummary(), personId, before, cleanNote);
    }

    private static @Nullable String cleanNote(@Nullable String note) {
        return Texts.field(note, 500, "attendance.error.note");
    }

    /** Marks everyone on the roster present who has no mark yet in this session; returns how many. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional
    public int markAllPresent(long sessionId) {
        ClassSession session = sessions.findById(sessionId).orElseThrow(() -> new ValidationException("training.error.sessionNotFound"));
        TrainingClass c = access.attendanceTaker(session.getClassId());
        Map<Long, AttendanceStore.Mark> marked = new HashMap<>();
        attendance.marksOfClass(c.getId()).stream().filter(m -> m.sessionId() == sessionId).forEach(m -> marked.put(m.personId(), m));
        int count = 0;
        long by = currentUser.require().accountId();
        for (RosterStore.Row row : roster.rows(c.getId(), 0, Integer.MAX_VALUE)) {
            java.time.Instant at = clock.instant();
            if (!marked.containsKey(row.personId()) && attendance.mark(sessionId, row.personId(), AttendanceStatus.PRESENT, null, null, by,
                    at)) {
                events.publishEvent(new AttendanceChanged(c.getId(), sessionId, row.personId(), AttendanceStatus.PRESENT,
                        AttendanceSource.TRAINER, at));
                count++;
            }
        }
        if (count > 0) {
            audit.allPresent(c, session.toSummary(), count);
        }
        return count;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public ClassCounts counts(long classId) {
        access.readable(classId);
        return attendance.counts(classId, participations.completions(classId, null));
    }
}
