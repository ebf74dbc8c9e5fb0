package vn.ntm.portal.training;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.training.domain.RosterStore;
import vn.ntm.portal.training.domain.TrainingClass;

import java.time.Clock;
import java.util.List;

/** Who is enrolled in a class. One person record per real person, matched across classes. */
@Service
public class RosterService {

    private final RosterStore roster;
    private final PersonDirectory persons;
    private final ClassAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EnrolmentRequestService requests;

    private final TrainingAudit audit;

    RosterService(RosterStore roster, PersonDirectory persons, ClassAccess access, ApplicationEventPublisher events, Clock clock,
                  EnrolmentRequestService requests, TrainingAudit audit) {
        this.audit = audit;
        this.requests = requests;
        this.roster = roster;
        this.persons = persons;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a person, matched by national ID or phone to an existing record when there is one. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public long add(long classId, PersonDetails details) {
        TrainingClass c = access.manageable(classId);
        PersonRules.check(details);
        if (c.getCapacity() != null && roster.count(classId) >= c.getCapacity()) {
            throw new ValidationException("training.error.full", c.getCapacity());
        }
        long personId = persons.findOrCreate(details);
        // the roster place keeps the level, commune, organisation and position typed for this class
        if (!roster.add(classId, personId, "MANUAL", clock.instant(), RosterImportService.asRecorded(details))) {
            throw new ValidationException("training.error.alreadyOnRoster");
        }
        events.publishEvent(new RosterChanged(classId, personId, true, clock.instant()));
        audit.rosterChanged(c, personId, true, "MANUAL");
        return personId;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public void remove(long classId, long personId) {
        TrainingClass c = access.manageable(classId);
        if (roster.remove(classId, personId)) {
            events.publishEvent(new RosterChanged(classId, personId, false, clock.instant()));
            audit.rosterChanged(c, personId, false, "MANUAL");
            requests.promoteFromWaitingList(classId);
        }
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<RosterStore.Row> list(long classId, int offset, int limit) {
        access.readable(classId);
        return roster.rows(classId, offset, limit);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public long count(long classId) {
        access.readable(classId);
        return roster.count(classId);
    }
}
