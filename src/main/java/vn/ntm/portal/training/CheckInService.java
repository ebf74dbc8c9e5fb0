package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.common.PhoneNumbers;
import vn.ntm.portal.common.Texts;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.person.PersonMatch;
import vn.ntm.portal.person.PersonSummary;
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
    private final CheckInLimits limits;
    private final Clock clock;
    private final ZoneId zone;
    private final long opensBeforeMinutes;
    private final long closesAfterMinutes;

    CheckInService(CheckInCodes codes, SessionInfoStore sessions, RosterStore roster, AttendanceStore attendance,
                   PersonDirectory persons, ClassAccess access, ApplicationEventPublisher events, CheckInLimits limits, Clock clock,
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
        this.limits = limits;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.opensBeforeMinutes = opensBeforeMinutes;
        this.closesAfterMinutes = closesAfterMinutes;
    }

    /** The session an anonymous check-in address names by its unguessable reference. */
    public Optional<SessionInfo> sessionByReference(@Nullable String reference) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        CachedSession cached = sessionCache.get(reference);
        if (cached == null || cached.until().isBefore(now)) {
            Optional<SessionInfo> found = sessions.findByReference(reference);
            if (found.isEmpty()) {
                // not cached: the keys of this cache are typed by strangers, only real sessions may fill it
                return found;
            }
            cached = new CachedSession(found, now.plusSeconds(5));
            if (sessionCache.size() > 10_000) {
                sessionCache.clear();
            }
            sessionCache.put(reference, cached);
        }
        return cached.session();
    }

    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{22}");

    /** Sessions change rarely and a burst asks for one of them thousands of times: keep each for a few seconds. */
    private record CachedSession(Optional<SessionInfo> session, Instant until) {
    }

    private final java.util.Map<String, CachedSession> sessionCache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A check-in through the page: the session named by its reference, the person by the signed-in account
     * ({@code accountId}: checking in as the person record a coordinator linked to it) or by the phone or
     * national ID they typed.
     */
    @Transactional
    public CheckInResult checkIn(@Nullable String sessionReference, @Nullable String code, @Nullable Long accountId,
                                 @Nullable String phoneOrNationalId, CheckInClient client) {
        return checkIn(sessionByReference(sessionReference), code, accountId, phoneOrNationalId, client);
    }

    /** A check-in through the API by a signed-in machine client, which may name the session by id or by reference. */
    @Transactional
    public CheckInResult checkIn(long sessionId, @Nullable String code, @Nullable String phoneOrNationalId, CheckInClient client) {
        return checkIn(sessions.find(sessionId), code, null, phoneOrNationalId, client);
    }

    private CheckInResult checkIn(Optional<SessionInfo> found, @Nullable String code, @Nullable Long accountId,
                                  @Nullable String phoneOrNationalId, CheckInClient client) {
        if (found.isEmpty()) {
            // an unknown reference is a guess like a wrong code (session 0 stands for "no session")
            if (!limits.mayTryCode(0, client)) {
                return new CheckInResult(CheckInOutcome.TOO_MANY_ATTEMPTS, null, null);
            }
            limits.wrongCode(0, client);
            return new CheckInResult(CheckInOutcome.NO_SUCH_SESSION, null, null);
        }
        SessionInfo session = found.get();
        long sessionId = session.sessionId();
        Instant now = clock.instant();
        if (!isOpen(session, now)) {
            return new CheckInResult(CheckInOutcome.OUTSIDE_WINDOW, null, session);
        }
        if (!limits.mayTryCode(sessionId, client)) {
            return new CheckInResult(CheckInOutcome.TOO_MANY_ATTEMPTS, null, session);
        }
        if (!codes.accepts(sessionId, code == null ? "" : code, now)) {
            limits.wrongCode(sessionId, client);
            return new CheckInResult(CheckInOutcome.WRONG_CODE, null, session);
        }
        if (!limits.tryCheckIn(sessionId, client)) {
            return new CheckInResult(CheckInOutcome.TOO_MANY_ATTEMPTS, null, session);
        }
        // a signed-in account stands only for the record a coordinator linked it to, never for whoever has its phone
        Optional<PersonSummary> linked = accountId == null ? Optional.empty() : persons.findByAccount(accountId);
        if (accountId != null && linked.isEmpty()) {
            return new CheckInResult(CheckInOutcome.ACCOUNT_NOT_LINKED, null, session);
        }
        List<SessionInfoStore.RosterPerson> onRoster = accountId != null
                ? linked.filter(p -> roster.contains(session.classId(), p.id()))
                        .map(p -> new SessionInfoStore.RosterPerson(p.id(), p.fullName())).stream().toList()
                : identify(session.classId(), phoneOrNationalId);
        if (onRoster.size() > 1) {
            // a household's phone shared by several trainees of this class: only the national ID tells who is here
            return new CheckInResult(CheckInOutcome.NATIONAL_ID_NEEDED, null, session);
        }
        Optional<SessionInfoStore.RosterPerson> person = onRoster.stream().findFirst();
        if (person.isEmpty()) {
            return new CheckInResult(CheckInOutcome.NOT_ON_ROSTER, null, session);
        }
        long personId = person.get().personId();
        boolean changed = attendance.checkIn(sessionId, personId, now);
        if (changed) {
            events.publishEvent(new AttendanceChanged(session.classId(), sessionId, personId, AttendanceStatus.PRESENT,
                    AttendanceSource.SELF_CHECK_IN, now));
        }
        return new CheckInResult(changed ? CheckInOutcome.CHECKED_IN : CheckInOutcome.ALREADY_CHECKED_IN, person.get().fullName(), session);
    }

    /** The hot path of a burst: one indexed query finds the persons with that number among the class roster, and only there. */
    private List<SessionInfoStore.RosterPerson> identify(long classId, @Nullable String phoneOrNationalId) {
        String typed = Texts.clean(phoneOrNationalId);
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        String phone = PhoneNumbers.normalize(typed);
        String nationalId = phone == null && NATIONAL_ID.matcher(typed).matches() ? typed : null;
        return sessions.findOnRoster(classId, phone, nationalId);
    }

    /**
     * Someone not on the roster asks to be added; the trainer accepts or declines later. Needs a valid code; the
     * name is cleaned like every typed text (no invisible or direction characters reach the trainer's screen).
     */
    @Transactional
    public void requestWalkIn(@Nullable String sessionReference, @Nullable String code, @Nullable String fullName,
                              @Nullable String phoneOrNationalId, CheckInClient client) {
        SessionInfo session = sessionByReference(sessionReference).orElseThrow(() -> new ValidationException("checkin.NO_SUCH_SESSION"));
        long sessionId = session.sessionId();
        Instant now = clock.instant();
        if (!isOpen(session, now)) {
            throw new ValidationException("checkin.OUTSIDE_WINDOW");
        }
        if (!limits.mayTryCode(sessionId, client)) {
            throw new ValidationException("checkin.TOO_MANY_ATTEMPTS");
        }
        if (!codes.accepts(sessionId, code == null ? "" : code, now)) {
            limits.wrongCode(sessionId, client);
            throw new ValidationException("checkin.error.code");
        }
        String name = Texts.clean(fullName);
        String identifier = Texts.clean(phoneOrNationalId);
        String phone = PhoneNumbers.normalize(identifier);
        String nationalId = phone == null && identifier != null && NATIONAL_ID.matcher(identifier).matches() ? identifier : null;
        if (name == null || name.length() < 2 || name.length() > 200 || (phone == null && nationalId == null)) {
            throw new ValidationException("checkin.error.walkIn");
        }
        if (!limits.tryWalkIn(sessionId, client)) {
            throw new ValidationException("checkin.TOO_MANY_ATTEMPTS");
        }
        sessions.addWalkIn(sessionId, name, phone, nationalId, now);
    }

    /** The pending walk-ins of a session, each with who accepting would add (see {@link WalkInRequest}). */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public java.util.List<WalkInRequest> walkIns(long sessionId) {
        SessionInfo session = sessions.find(sessionId).orElseThrow(() -> new ValidationException("training.error.sessionNotFound"));
        access.attendanceTaker(session.classId());
        return sessions.pendingWalkInList(sessionId).stream().map(w -> {
            Optional<PersonSummary> matched = matched(w);
            WalkInRequest.Match match = matched.isEmpty() ? WalkInRequest.Match.NEW_PERSON
                    : Texts.fold(matched.get().fullName()).equals(Texts.fold(w.fullName())) ? WalkInRequest.Match.SAME_PERSON
                    : WalkInRequest.Match.NAME_DIFFERS;
            return new WalkInRequest(w.id(), w.fullName(), w.phone() != null ? w.phone() : String.valueOf(w.nationalId()), match,
                    match == WalkInRequest.Match.NAME_DIFFERS ? initials(matched.get().fullName()) : null);
        }).toList();
    }

    /** The recorded person a walk-in's phone or national ID belongs to, if any. */
    private Optional<PersonSummary> matched(SessionInfoStore.WalkIn walkIn) {
        PersonMatch match = persons.match(new PersonDetails(walkIn.fullName(), null, null, walkIn.phone(), walkIn.nationalId(),
                null, null, null, null));
        return match.certain() && match.personId() != null ? persons.findById(match.personId()) : Optional.empty();
    }

    /** "Nguyễn Văn An" as "N. V. A.": enough to ask the person in front of you whether it is them. */
    static String initials(String fullName) {
        StringBuilder s = new StringBuilder();
        for (String word : fullName.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                s.append(s.isEmpty() ? "" : " ").append(word.substring(0, word.offsetByCodePoints(0, 1))).append('.');
            }
        }
        return s.toString();
    }

    /**
     * Accepts a walk-in when there is nothing to choose: a new person, or the recorded person of the same name.
     * When the typed name differs from the recorded person's, the trainer must choose with {@link #settleWalkIn(long,
     * WalkInRequest.Decision)}: the portal never decides silently who joins a roster.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional
    public void settleWalkIn(long walkInId, boolean accept) {
        if (!accept) {
            settleWalkIn(walkInId, WalkInRequest.Decision.DECLINE);
            return;
        }
        SessionInfoStore.WalkIn walkIn = sessions.pendingWalkIn(walkInId).orElseThrow(() -> new ValidationException("checkin.error.settled"));
        Optional<PersonSummary> matched = matched(walkIn);
        if (matched.isPresent() && !Texts.fold(matched.get().fullName()).equals(Texts.fold(walkIn.fullName()))) {
            throw new ValidationException("checkin.error.walkInChoose");
        }
        settleWalkIn(walkInId, matched.isPresent() ? WalkInRequest.Decision.ADD_MATCHED : WalkInRequest.Decision.ADD_AS_NEW);
    }

    /**
     * Settles a walk-in once: adds the recorded person the number belongs to, or a new person with the typed details
     * (without a national ID that is already someone else's), onto the roster and marked present; or declines it.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional
    public void settleWalkIn(long walkInId, WalkInRequest.Decision decision) {
        SessionInfoStore.WalkIn walkIn = sessions.pendingWalkIn(walkInId).orElseThrow(() -> new ValidationException("checkin.error.settled"));
        SessionInfo session = sessions.find(walkIn.sessionId()).orElseThrow();
        var c = access.attendanceTaker(session.classId());
        Optional<PersonSummary> matched = matched(walkIn);
        if (decision == WalkInRequest.Decision.ADD_MATCHED && matched.isEmpty()) {
            throw new ValidationException("checkin.error.walkInNoMatch");
        }
        if (!sessions.settleWalkIn(walkInId, decision != WalkInRequest.Decision.DECLINE)) {
            throw new ValidationException("checkin.error.settled");
        }
        if (decision == WalkInRequest.Decision.DECLINE) {
            return;
        }
        long personId;
        if (decision == WalkInRequest.Decision.ADD_MATCHED) {
            // the recorded person as recorded: an anonymous request changes nothing of their record
            personId = matched.orElseThrow().id();
        } else {
            String nationalId = walkIn.nationalId() != null && matched.map(PersonSummary::nationalId)
                    .filter(walkIn.nationalId()::equals).isPresent() ? null : walkIn.nationalId();
            personId = persons.create(new PersonDetails(walkIn.fullName(), null, null, walkIn.phone(), nationalId, null, null, null, null));
        }
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

    /** What the trainer's check-in screen shows: the current code, how long it lasts, and the live counts. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public CheckInBoard board(long sessionId) {
        SessionInfo session = sessions.find(sessionId).orElseThrow(() -> new ValidationException("training.error.sessionNotFound"));
        access.attendanceTaker(session.classId());
        Instant now = clock.instant();
        CheckInLimits.Warning warning = limits.warning(sessionId);
        boolean open = isOpen(session, now);
        // a live code outside the window would only invite check-ins that are refused, or codes passed on for later
        return new CheckInBoard(session, open ? codes.current(sessionId, now) : "", open ? codes.secondsLeft(now) : 0, open,
                attendance.countCheckedIn(sessionId), roster.count(session.classId()), sessions.pendingWalkIns(sessionId),
                warning.busiestDevice(), warning.refused(), opensAt(session).toLocalDateTime(), closesAt(session).toLocalDateTime());
    }

    private ZonedDateTime opensAt(SessionInfo session) {
        return session.date().atTime(session.startsAt()).atZone(zone).minusMinutes(opensBeforeMinutes);
    }

    private ZonedDateTime closesAt(SessionInfo session) {
        return session.date().atTime(session.endsAt()).atZone(zone).plusMinutes(closesAfterMinutes);
    }

    private boolean isOpen(SessionInfo session, Instant now) {
        return !now.isBefore(opensAt(session).toInstant()) && !now.isAfter(closesAt(session).toInstant());
    }
}
