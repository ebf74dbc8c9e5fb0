package vn.ntm.portal.training;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.training.domain.ClassSession;
import vn.ntm.portal.training.domain.ClassSessionRepository;
import vn.ntm.portal.training.domain.TrainingClass;
import vn.ntm.portal.training.domain.TrainingClassRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a trainer teaches today, for their home page: the sessions of their classes dated today (portal's zone). */
@Service
public class TeachingToday {

    /** One session to teach today and the class it belongs to. */
    public record Lesson(SessionSummary session, String classCode, String classTitle) {
    }

    private final ClassSessionRepository sessions;
    private final TrainingClassRepository classes;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ZoneId zone;

    TeachingToday(ClassSessionRepository sessions, TrainingClassRepository classes, CurrentUser currentUser, Clock clock,
                  @Value("${portal.zone:Asia/Ho_Chi_Minh}") String zone) {
        this.sessions = sessions;
        this.classes = classes;
        this.currentUser = currentUser;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @PreAuthorize("hasRole('TRAINER')")
    @Transactional(readOnly = true)
    public List<Lesson> mine() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<ClassSession> found = sessions.findOfTrainerOn(currentUser.require().accountId(), today);
        Map<Long, TrainingClass> byId = new HashMap<>();
        classes.findAllById(found.stream().map(s -> s.toSummary().classId()).distinct().toList()).forEach(c -> byId.put(c.getId(), c));
        return found.stream().map(ClassSession::toSummary)
                .map(s -> new Lesson(s, byId.get(s.classId()).getCode(), byId.get(s.classId()).getTitle())).toList();
    }
}
