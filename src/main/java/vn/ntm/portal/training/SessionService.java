package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.common.Texts;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.training.domain.ClassSession;
import vn.ntm.portal.training.domain.ClassSessionRepository;
import vn.ntm.portal.training.domain.TrainingClass;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Sessions of a class, created in bulk (days × half-days) or one by one. */
@Service
public class SessionService {

    private final ClassSessionRepository sessions;
    private final ClassAccess access;
    private final ApplicationEventPublisher events;

    private final TrainingAudit audit;

    SessionService(ClassSessionRepository sessions, ClassAccess access, ApplicationEventPublisher events, TrainingAudit audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.access = access;
        this.events = events;
    }

    /** One session per day from {@code from} to {@code to} and per part; slots that exist already are skipped. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public List<SessionSummary> createBulk(long classId, LocalDate from, LocalDate to, Set<SessionPart> parts) {
        TrainingClass c = access.manageable(classId);
        if (from == null || to == null || to.isBefore(from) || from.isBefore(c.getStartDate()) || to.isAfter(c.getEndDate())) {
            throw new ValidationException("training.error.sessionDates");
        }
        if (parts == null || parts.isEmpty()) {
            throw new ValidationException("training.error.sessionParts");
        }
        List<ClassSession> existing = sessions.findByClass(classId);
        List<SessionSummary> created = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (SessionPart part : SessionPart.values()) {
                LocalDate date = day;
                boolean taken = existing.stream().map(ClassSession::toSummary).anyMatch(s -> s.date().equals(date) && s.part() == part);
                if (parts.contains(part) && !taken) {
                    created.add(sessions.save(new ClassSession(classId, day, part, part.defaultStart(), part.defaultEnd(),
                            c.getDeliveryMode(), c.getTopics())).toSummary());
                }
            }
        }
        if (!created.isEmpty()) {
            events.publishEvent(new ClassChanged(classId));
            audit.sessionsCreated(c, created.size(), created.stream().map(s -> s.date() + " " + s.part()).collect(java.util.stream.Collectors.joining(", ")));
        }
        return created;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public SessionSummary create(long classId, LocalDate date, SessionPart part, LocalTime startsAt, LocalTime endsAt,
                                 DeliveryMode mode, @Nullable String topics) {
        TrainingClass c = access.manageable(classId);
        if (date == null || date.isBefore(c.getStartDate()) || date.isAfter(c.getEndDate())) {
            throw new ValidationException("training.error.sessionDates");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new ValidationException("training.error.sessionTimes");
        }
        String cleanTopics = Texts.field(topics, 1000, "training.error.topicsTooLong");
        if (sessions.findByClass(classId).stream().map(ClassSession::toSummary).anyMatch(s -> s.date().equals(date) && s.part() == part)) {
            throw new ValidationException("training.error.sessionTaken");
        }
        SessionSummary created = sessions.save(new ClassSession(classId, date, part, startsAt, endsAt, mode, cleanTopics)).toSummary();
        events.publishEvent(new ClassChanged(classId));
        audit.sessionsCreated(c, 1, created.date() + " " + created.part() + " " + startsAt + "-" + endsAt);
        return created;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<SessionSummary> list(long classId) {
        access.readable(classId);
        return sessions.findByClass(classId).stream().map(ClassSession::toSummary).toList();
    }
}
