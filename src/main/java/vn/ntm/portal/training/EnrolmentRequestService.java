package vn.ntm.portal.training;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.training.domain.EnrolmentRequestStore;
import vn.ntm.portal.training.domain.RosterStore;
import vn.ntm.portal.training.domain.TrainingClass;
import vn.ntm.portal.training.domain.TrainingClassRepository;

import java.time.Clock;
import java.util.List;

/**
 * Trainees ask to join open classes of their commune or province; the class's trainers or coordinators approve
 * (onto the roster, or onto the waiting list when the class is full) or decline. A place freed on the roster goes
 * to the first on the waiting list.
 */
@Service
public class EnrolmentRequestService {

    private final TrainingAudit audit;

    private final EnrolmentRequestStore requests;
    private final TrainingClassRepository classes;
    private final RosterStore roster;
    private final PersonDirectory persons;
    private final AccountService accounts;
    private final ClassAccess access;
    private final ClassService classSummaries;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Vietnam's one time zone: when a class has ended for the trainee. */
    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    EnrolmentRequestService(EnrolmentRequestStore requests, TrainingClassRepository classes, RosterStore roster, PersonDirectory persons,
                            AccountService accounts, ClassAccess access, ClassService classSummaries, CurrentUser currentUser,
                            ApplicationEventPublisher events, Clock clock, TrainingAudit audit) {
        this.audit = audit;
        this.requests = requests;
        this.classes = classes;
        this.roster = roster;
        this.persons = persons;
        this.accounts = accounts;
        this.access = access;
        this.classSummaries = classSummaries;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Open classes a trainee may ask to join: organised in their commune or in a unit above it. */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional(readOnly = true)
    public List<ClassSummary> openClasses(int offset, int limit) {
        PortalUser me = currentUser.require();
        if (me.unitPath() == null) {
            return List.of();
        }
        List<Long> ids = requests.openClassesAbove(me.unitPath(), offset, limit);
        java.util.Map<Long, TrainingClass> found = new java.util.HashMap<>();
        classes.findAllById(ids).forEach(c -> found.put(c.getId(), c));
        return ids.stream().map(found::get).map(classSummaries::toSummary).toList();
    }

    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional
    public void request(long classId) {
        PortalUser me = currentUser.require();
        TrainingClass c = classes.findById(classId).orElseThrow(() -> new ValidationException("training.error.classNotFound"));
        String classPath = access.unitPath(c.getUnitId());
        if (c.getStatus() != ClassStatus.OPEN || me.unitPath() == null || !me.unitPath().startsWith(classPath)) {
            throw new ValidationException("request.error.notOpen");
        }
        AccountSummary account = accounts.me();
        long personId = persons.forAccount(me.accountId(), new PersonDetails(account.fullName(), null, null, account.phone(), null,
                account.unitId(), null, account.traineeLevel(), null));
        if (roster.contains(classId, personId)) {
            throw new ValidationException("training.error.alreadyOnRoster");
        }
        if (!requests.add(classId, personId, me.accountId(), clock.instant())) {
            throw new ValidationException("request.error.already");
        }
    }

    /**
     * The classes the trainee is on (through the person record of their account) that have not ended yet; none
     * while no record is linked to the account. Reading never creates a record.
     */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional(readOnly = true)
    public List<ClassSummary> myCurrentClasses() {
        return persons.findByAccount(currentUser.require().accountId())
                .map(person -> classes.findCurrentOnRosterOf(person.id(), java.time.LocalDate.now(clock.withZone(ZONE))).stream()
                        .map(classSummaries::toSummary).toList())
                .orElse(List.of());
    }

    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional(readOnly = true)
    public List<EnrolmentRequestView> mine() {
        return requests.ofAccount(currentUser.require().accountId());
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<EnrolmentRequestView> open(long classId) {
        access.readable(classId);
        return requests.open(classId);
    }

    /** Approves a pending request: onto the roster, or onto the waiting list when the class is full. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional
    public EnrolmentRequestStatus approve(long requestId) {
        EnrolmentRequestView request = requests.find(requestId).orElseThrow(() -> new ValidationException("request.error.settled"));
        TrainingClass c = access.readable(request.classId());
        boolean full = c.getCapacity() != null && roster.count(c.getId()) >= c.getCapacity();
        EnrolmentRequestStatus to = full ? EnrolmentRequestStatus.WAITLISTED : EnrolmentRequestStatus.APPROVED;
        if (!requests.decide(requestId, EnrolmentRequestStatus.PENDING, to, currentUser.require().accountId(), clock.instant())) {
            throw new ValidationException("request.error.settled");
        }
        if (!full) {
            addToRoster(c.getId(), request.personId());
        }
        return to;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional
    public void decline(long requestId) {
        EnrolmentRequestView request = requests.find(requestId).orElseThrow(() -> new ValidationException("request.error.settled"));
        access.readable(request.classId());
        boolean open = request.status() == EnrolmentRequestStatus.PENDING || request.status() == EnrolmentRequestStatus.WAITLISTED;
        if (!open || !requests.decide(requestId, request.status(), EnrolmentRequestStatus.DECLINED, currentUser.require().accountId(),
                clock.instant())) {
            throw new ValidationException("request.error.settled");
        }
    }

    /** Gives a freed place to the first on the waiting list, if any; returns whether someone moved up. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional
    public boolean promoteFromWaitingList(long classId) {
        TrainingClass c = access.readable(classId);
        if (c.getCapacity() != null && roster.count(classId) >= c.getCapacity()) {
            return false;
        }
        return requests.firstWaitlisted(classId).map(first -> {
            if (requests.decide(first.id(), EnrolmentRequestStatus.WAITLISTED, EnrolmentRequestStatus.APPROVED,
                    currentUser.require().accountId(), clock.instant())) {
                addToRoster(classId, first.personId());
                return true;
            }
            return false;
        }).orElse(false);
    }

    private void addToRoster(long classId, long personId) {
        if (roster.add(classId, personId, "REQUEST", clock.instant())) {
            events.publishEvent(new RosterChanged(classId, personId, true, clock.instant()));
            classes.findById(classId).ifPresent(c -> audit.rosterChanged(c, personId, true, "REQUEST"));
        }
    }
}
