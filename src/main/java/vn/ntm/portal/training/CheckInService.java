package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.common.PhoneNumbers;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.training.domain.AttendanceStore;
import vn.ntm.portal.training.domain.RosterStore;
import vn.ntm.portal.training.domain.SessionInfoStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Self check-in with the rotating code: by the signed-in account, or by phone or national ID for people on the
 * roster without an account. Anyone may try (the code is the proof of presence); checking in twice is harmless.
 */
@Service
public class CheckInService {

    private final TrainingAudit audit;

    private static final java.util.regex.Pattern NATIONAL_ID = java.util.regex.Pattern.compile("\\d{9}|\\d{12}");

    private final CheckInCodes codes;
    private final SessionInfoStore sessions;
    private final RosterStore roster;
    private final AttendanceStore attendance;
    private final PersonDirectory persons;
    private final ClassAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;
    private final long opensBeforeMinutes;
    private final long closesAfterMinutes;

    CheckInService(CheckInCodes codes, SessionInfoStore sessions, RosterStore roster, AttendanceStore attendance,
                   PersonDirectory persons, ClassAccess access, ApplicationEventPublisher events, Clock clock,
                   @Value("${portal.zone:Asia/Ho_Chi_Minh}") String zone,
                   @Value("${portal.checkin.opens-before-minutes:60}") long opensBeforeMinutes,
                   @Value("${portal.checkin.closes-after-minutes:60}") long closesAfterMinutes, TrainingAudit audit) {
        this.audit = audit;
        this.codes = codes;
        this.sessions = sessions;
        this.roster = roster;
        this.attendance = attendance;
        this.persons = persons;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.opensBeforeMinutes = opensBeforeMinutes;
        this.closesAfterMinutes = closesAfterMinutes;
    }

    public Optional<SessionInfo> session(long sessionId) {
        return cachedSession(sessionId);
    }

    /** Sessions change rarely and a burst asks for one of them thousands of times: keep each for a few seconds. */
    private Optional<SessionInfo> cachedSession(long sessionId) {
        Instant now = clock.instant();
        CachedSession cached = sessionCache.get(sessionId);
        if (cached == null || cached.until().isBefore(now)) {
            cached = new CachedSession(sessions.find(sessionId), now.plusSeconds(5));
            if (sessionCache.size() > 10_000) {
                sessionCache.clear();
            }
            sessionCache.put(sessionId, cached);
        }
        return cached.session();
    }

    private record CachedSession(Optional<SessionInfo> session, Instant until) {
    }

    private final java.util.Map<Long, CachedSession> sessionCache = new java.util.concurrent.ConcurrentHashMap<>();

    @Transactional
    public CheckInResult checkIn(long sessionId, @Nullable String code, @Nullable Long accountId, @Nullable String phoneOrNationalId) {
        return checkIn(sessionId, code, accountId, null, phoneOrNationalId);
    }

    /** {@code accountPhone}: the signed-in account's phone, to find them on a roster made before they registered. */
    @Transactional
    public CheckInResult checkIn(long sessionId, @Nullable String code, @Nullable Long accountId, @Nullable String accountPhone,
                                 @Nullable String phoneOrNationalId) {
        Optional<SessionInfo> found = cachedSession(sessionId);
        if (found.isEmpty()) {
            return new CheckInResult(CheckInOutcome.NO_SUCH_SESSION, null, null);
        }
        SessionInfo session = found.get();
        Instant now = clock.instant();
        if (!isOpen(session, now)) {
            return new CheckInResult(CheckInOutcome.OUTSIDE_WINDOW, null, session);
        }
        if (!codes.accepts(sessionId, code == null ? "" : code, now)) {
            return new CheckInResult(CheckInOutcome.WRONG_CODE, null, session);
        }
        List<SessionInfoStore.RosterPerson> candidates = accountId != null
                ? persons.findByAccount(accountId, accountPhone).map(p -> new SessionInfoStore.RosterPerson(p.id(), p.fullName(),
                        roster.contains(session.classId(), p.id()))).stream().toList()
                : identify(session.classId(), phoneOrNationalId);
        List<SessionInfoStore.RosterPerson> onRoster = candidates.stream().filter(SessionInfoStore.RosterPerson::onRoster).toList();
        if (onRoster.size() > 1) {
            // a household's phone shared by several trainees of this class: only the national ID tells who is here
            return new CheckInResult(CheckInOutcome.NATIONAL_ID_NEEDED, null, session);
        }
        Optional<SessionInfoStore.RosterPerson> person = onRoster.isEmpty()
                ? (candidates.size() == 1 ? Optional.of(candidates.getFirst()) : Optional.empty())
                : Optional.of(onRoster.getFirst());
        if (person.isEmpty()) {
            return new CheckInResult(CheckInOutcome.UNKNOWN_PERSON, null, session);
        }
        long personId = person.get().personId();
        if (!person.get().onRoster()) {
            return new CheckInResult(CheckInOutcome.NOT_ON_ROSTER, person.get().fullName(), session);
        }
        boolean changed = attendance.checkIn(sessionId, personId, now);
        if (changed) {
            events.publishEvent(new AttendanceChanged(session.classId(), sessionId, personId, AttendanceStatus.PRESENT,
                    AttendanceSource.SELF_CHECK_IN, now));
        }
        return new CheckInResult(changed ? CheckInOutcome.CHECKED_IN : CheckInOutcome.ALREADY_CHECKED_IN, person.get().fullName(), session);
    }

    /** The hot path of a burst: one indexed query finds the person and whether they are on the roster. */
    private List<SessionInfoStore.RosterPerson> identify(long classId, @Nullable String phoneOrNationalId) {
        if (phoneOrNationalId == null || phoneOrNationalId.isBlank()) {
            return List.of();
        }
        String phone = PhoneNumbers.normalize(phoneOrNationalId);
        String nationalId = phone == null && NATIONAL_ID.matcher(phoneOrNationalId.strip()).matches() ? phoneOrNationalId.strip() : null;
        return sessions.findByIdentifier(classId, phone, nationalId);
    }

    /** Someone not on the roster asks to be added; the trainer accepts or declines later. Needs a valid code. */
    @Transactional
    public void requestWalkIn(long sessionId, @Nullable String code, String fullName, @Nullable String phone, @Nullable String nationalId) {
        SessionInfo session = sessions.find(sessionId).orElseThrow(() -> new ValidationException("training.error.sessionNotFound"));
        Instant now = clock.instant();
        if (!isOpen(session, now) || !codes.accepts(sessionId, code == null ? "" : code, now)) {
            throw new ValidationException("checkin.error.code");
        }
        String name = fullName == null ? "" : fullName.strip();
        String cleanPhone = PhoneNumbers.normalize(phone);
        if (name.length() < 2 || name.length() > 200 || (cleanPhone == null && (nationalId == null || !nationalId.strip().matches("\\d{9}|\\d{12}")))) {
            throw new ValidationException("checkin.error.walkIn");
        }
        sessions.addWalkIn(sessionId, name, cleanPhone, nationalId == null || nationalId.isBlank() ? null : nationalId.strip(), now);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public java.util.List<SessionInfoStore.WalkIn> walkIns(long sessionId) {
        SessionInfo session = sessions.find(sessionId).orElseThrow(() -> new ValidationException("training.error.sessionNotFound"));
        access.attendanceTaker(session.classId());
        return sessions.pendingWalkInList(sessionId);
    }

    /**
     * Accepts a walk-in: the person (matched to a stored one by national ID or phone) joins the roster and is
     * marked present; or declines it. Either way the request is settled once.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional
    public void settleWalkIn(long walkInId, boolean accept) {
        SessionInfoStore.WalkIn walkIn = sessions.pendingWalkIn(walkInId).orElseThrow(() -> new ValidationException("checkin.error.settled"));
        SessionInfo session = sessions.find(walkIn.sessionId()).orElseThrow();
        var c = access.attendanceTaker(session.classId());
        if (!sessions.settleWalkIn(walkInId, accept)) {
            throw new ValidationException("checkin.error.settled");
        }
        if (accept) {
            long personId = persons.findOrCreate(new vn.ntm.portal.person.PersonDetails(walkIn.fullName(), null, null, walkIn.phone(),
                    walkIn.nationalId(), null, null, null, null));
            Instant now = clock.instant();
            if (roster.add(session.classId(), personId, "WALK_IN", now)) {
                events.publishEvent(new RosterChanged(session.classId(), personId, true, now));
                audit.rosterChanged(c, personId, true, "WALK_IN");
            }
            if (attendance.checkIn(walkIn.sessionId(), personId, now)) {
                events.publishEvent(new AttendanceChanged(session.classId(), walkIn.sessionId(), personId, AttendanceStatus.PRESENT,
                        AttendanceSource.SELF_CHECK_IN, now));
            }
        }
    }

    /** What the trainer's check-in screen shows: the current code, how long it lasts, and the live counts. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public CheckInBoard board(long sessionId) {
        SessionInfo session = sessions.find(sessionId).orElseThrow(() -> new ValidationException("training.error.sessionNotFound"));
        access.attendanceTaker(session.classId());
        Instant now = clock.instant();
        return new CheckInBoard(session, codes.current(sessionId, now), codes.secondsLeft(now), isOpen(session, now),
                attendance.countCheckedIn(sessionId), roster.count(session.classId()), sessions.pendingWalkIns(sessionId));
    }

    private boolean isOpen(SessionInfo session, Instant now) {
        ZonedDateTime opens = session.date().atTime(session.startsAt()).atZone(zone).minusMinutes(opensBeforeMinutes);
        ZonedDateTime closes = session.date().atTime(session.endsAt()).atZone(zone).plusMinutes(closesAfterMinutes);
        return !now.isBefore(opens.toInstant()) && !now.isAfter(closes.toInstant());
    }
}
