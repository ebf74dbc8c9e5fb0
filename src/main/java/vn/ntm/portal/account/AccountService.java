package vn.ntm.portal.account;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.account.domain.Account;
import vn.ntm.portal.account.domain.AccountRepository;
import vn.ntm.portal.audit.AuditAction;
import vn.ntm.portal.audit.AuditSubject;
import vn.ntm.portal.audit.AuditTrail;
import vn.ntm.portal.audit.AuditedChange;
import vn.ntm.portal.common.PhoneNumbers;
import vn.ntm.portal.common.Texts;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.security.SessionRevalidation;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitLevel;
import vn.ntm.portal.unit.UnitSummary;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts: self-registration of trainees, creation and management by administrators and, within their
 * unit, by coordinators, and each person's own password.
 */
@Service
public class AccountService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** The roles a coordinator may give: none above their own. */
    private static final java.util.Set<Role> MAY_CREATE_BY_COORDINATOR = java.util.EnumSet.of(Role.COORDINATOR, Role.TRAINER, Role.TRAINEE);
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}0-9._@+-]{3,100}");

    private final AccountRepository accounts;
    private final UnitDirectory units;
    private final PasswordEncoder encoder;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;
    private final SessionRevalidation sessions;
    private final RegistrationThrottle registrations;

    AccountService(AccountRepository accounts, UnitDirectory units, PasswordEncoder encoder, CurrentUser currentUser,
                   ApplicationEventPublisher events, Clock clock, AuditTrail audit, SessionRevalidation sessions,
                   RegistrationThrottle registrations) {
        this.registrations = registrations;
        this.audit = audit;
        this.sessions = sessions;
        this.accounts = accounts;
        this.units = units;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A trainee registers themself; their phone (or e-mail) becomes their login name. When the phone or e-mail
     * already has an account nothing is created and the answer is the same as for a new account (empty here, the
     * same message on the page), so registering tells no one which phones and e-mails have accounts. The new
     * account is linked to no existing person record: only a coordinator does that
     * ({@code PersonMergeService.linkAccount}).
     */
    @Transactional
    public Optional<AccountSummary> register(Registration form, String clientAddress) {
        String fullName = requireName(form.fullName());
        String phone = optionalPhone(form.phone());
        String email = optionalEmail(form.email());
        if (phone == null && email == null) {
            throw new ValidationException("account.error.phoneOrEmail");
        }
        if (form.level() == null) {
            throw new ValidationException("account.error.level");
        }
        UnitSummary commune = form.communeId() == null ? null : units.findById(form.communeId()).orElse(null);
        if (commune == null || commune.level() != UnitLevel.COMMUNE || !commune.isCurrent()) {
            throw new ValidationException("account.error.commune");
        }
        String username = phone != null ? phone : email;
        PasswordPolicy.check(form.password(), username, phone, email, fullName);
        if (!registrations.allow(clientAddress)) {
            throw new ValidationException("account.error.registrationThrottled");
        }
        // hashed either way, so the time taken does not tell a taken phone from a free one
        String hash = encoder.encode(form.password());
        if (isTaken(username, email, phone)) {
            return Optional.empty();
        }
        Account account = new Account(username, fullName, hash, Role.TRAINEE, clock.instant());
        account.setPhone(phone);
        account.setEmail(email);
        account.setUnitId(commune.id());
        account.setTraineeLevel(form.level());
        account = accounts.save(account);
        audit.record(created(account));
        events.publishEvent(new AccountRegistered(account.getId(), Role.TRAINEE, true));
        return Optional.of(toSummary(account));
    }

    /**
     * An administrator creates any account; a coordinator creates coordinators, trainers and trainees of units within
     * their scope, never an administrator and never an account without a unit. An account gets no curriculum rights
     * by being created: authoring is granted per programme (see the curriculum module).
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public AccountSummary create(NewAccount form) {
        PortalUser caller = currentUser.require();
        if (form.role() == null) {
            throw new ValidationException("account.error.role");
        }
        if (!caller.isAdmin() && !MAY_CREATE_BY_COORDINATOR.contains(form.role())) {
            throw new AccessDeniedException("A coordinator creates no account above their own role");
        }
        String username = form.username() == null ? "" : form.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new ValidationException("account.error.username");
        }
        String phone = optionalPhone(form.phone());
        String email = optionalEmail(form.email());
        UnitSummary unit = requireUnitFor(form.role(), form.unitId(), caller);
        PasswordPolicy.check(form.password(), username, phone, email, form.fullName());
        requireFree(username, email, phone);
        Account account = new Account(username, requireName(form.fullName()), encoder.encode(form.password()),
                form.role(), clock.instant());
        account.setEmail(email);
        account.setPhone(phone);
        account.setUnitId(unit == null ? null : unit.id());
        account.setOrganisationId(form.organisationId());
        account.setTraineeLevel(form.role() == Role.TRAINEE ? form.traineeLevel() : null);
        account = accounts.save(account);
        audit.record(created(account));
        events.publishEvent(new AccountRegistered(account.getId(), form.role(), false));
        return toSummary(account);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public AccountSummary setEnabled(long accountId, boolean enabled) {
        Account account = managed(accountId);
        if (!enabled && account.getId() == currentUser.require().accountId()) {
            throw new ValidationException("account.error.disableSelf");
        }
        boolean before = account.isEnabled();
        account.setEnabled(enabled);
        sessions.accountChanged(account.getId());
        if (before != enabled) {
            audit.record(change(account, enabled ? AuditAction.ENABLED : AuditAction.DISABLED).field("enabled", before, enabled));
        }
        return toSummary(account);
    }

    /** Moves an account to another unit: for a coordinator this is their scope. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public AccountSummary assignUnit(long accountId, @Nullable Long unitId) {
        Account account = managed(accountId);
        UnitSummary unit = requireUnitFor(account.getRole(), unitId, currentUser.require());
        String before = unitName(account.getUnitId());
        String beforePath = unitPath(account.getUnitId());
        account.setUnitId(unit == null ? null : unit.id());
        sessions.accountChanged(account.getId());
        AuditedChange moved = change(account, AuditAction.UPDATED).field("unit", before, unit == null ? null : unit.name());
        audit.record(moved);
        if (beforePath != null && !beforePath.equals(unit == null ? null : unit.path())) {
            // the unit the account left keeps a trace of the move in its own scope too
            audit.record(AuditedChange.of(AuditSubject.ACCOUNT, account.getId(), account.getUsername(), beforePath, AuditAction.UPDATED)
                    .field("unit", before, unit == null ? null : unit.name()));
        }
        return toSummary(account);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Account account = accounts.findById(currentUser.require().accountId()).orElseThrow();
        if (currentPassword == null || !encoder.matches(currentPassword, account.getPasswordHash())) {
            throw new ValidationException("account.error.currentPassword");
        }
        PasswordPolicy.check(newPassword, account.getUsername(), account.getPhone(), account.getEmail(), account.getFullName());
        account.setPasswordHash(encoder.encode(newPassword));
        // never the hashes themselves: only that the password changed
        audit.record(change(account, AuditAction.UPDATED).field("password", null, "********"));
    }

    private AuditedChange created(Account account) {
        return change(account, AuditAction.CREATED)
                .field("fullName", null, account.getFullName())
                .field("role", null, account.getRole())
                .field("unit", null, unitName(account.getUnitId()))
                .field("phone", null, account.getPhone())
                .field("email", null, account.getEmail());
    }

    private AuditedChange change(Account account, AuditAction action) {
        return AuditedChange.of(AuditSubject.ACCOUNT, account.getId(), account.getUsername(), unitPath(account.getUnitId()), action);
    }

    private @Nullable String unitName(@Nullable Long unitId) {
        return unitId == null ? null : units.findById(unitId).map(UnitSummary::name).orElse(null);
    }

    private @Nullable String unitPath(@Nullable Long unitId) {
        return unitId == null ? null : units.findById(unitId).map(UnitSummary::path).orElse(null);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public List<AccountSummary> list(String text, int offset, int limit) {
        int size = Math.max(limit, 1);
        return accounts.findInScope(currentUser.require().scopePath(), text.strip(), PageRequest.of(offset / size, size))
                .stream().map(this::toSummary).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public long count(String text) {
        return accounts.countInScope(currentUser.require().scopePath(), text.strip());
    }

    /** Enabled trainers the caller may put on a class (those of their scope), by name, page by page as one types. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public List<AccountSummary> assignableTrainers(String text, int offset, int limit) {
        int size = Math.max(limit, 1);
        return accounts.findTrainersInScope(currentUser.require().scopePath(), text.strip(), PageRequest.of(offset / size, size))
                .stream().map(this::toSummary).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public long countAssignableTrainers(String text) {
        return accounts.countTrainersInScope(currentUser.require().scopePath(), text.strip());
    }

    /**
     * The trainer accounts among these ids, wherever their unit (a class of a commune may be taught by a provincial
     * trainer): for naming a class's trainers and checking the ones a class is given. Other ids are left out.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<AccountSummary> trainersById(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return accounts.findAllById(ids).stream().filter(a -> a.getRole() == Role.TRAINER)
                .sorted(java.util.Comparator.comparing(Account::getFullName)).map(this::toSummary).toList();
    }

    /** Enabled accounts per role within the caller's scope. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public Map<Role, Long> countByRole() {
        Map<Role, Long> counts = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            counts.put(role, 0L);
        }
        for (Object[] row : accounts.countByRoleInScope(currentUser.require().scopePath())) {
            counts.put(Role.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * A trainer named in an imported sheet by login name, e-mail or phone (any written form). Trainers teach across
     * units, so the look-up is not limited to the caller's scope; only a trainer account is found.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public Optional<AccountSummary> findTrainer(String login) {
        String typed = login.strip();
        String phone = PhoneNumbers.normalize(typed);
        return accounts.findByLogin(phone != null ? phone : typed).filter(a -> a.getRole() == Role.TRAINER).map(this::toSummary);
    }

    /** The signed-in person's own account. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public AccountSummary me() {
        return toSummary(accounts.findById(currentUser.require().accountId()).orElseThrow());
    }

    /**
     * The account with this login name, e-mail or phone, when the caller manages it (a coordinator: accounts of
     * their unit and below, never an administrator's); empty otherwise, so it says nothing of accounts elsewhere.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public Optional<AccountSummary> findManaged(String login) {
        String typed = login.strip();
        if (typed.isEmpty() || typed.length() > 255) {
            return Optional.empty();
        }
        String phone = PhoneNumbers.normalize(typed);
        return accounts.findByLogin(phone != null ? phone : typed).filter(a -> {
            try {
                managed(a.getId());
                return true;
            } catch (AccessDeniedException outside) {
                return false;
            }
        }).map(this::toSummary);
    }

    private Account managed(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new ValidationException("account.error.notFound"));
        PortalUser caller = currentUser.require();
        if (!caller.isAdmin()) {
            String path = account.getUnitId() == null ? null : units.findById(account.getUnitId()).map(UnitSummary::path).orElse(null);
            if (account.getRole() == Role.ADMIN || !caller.manages(path)) {
                throw new AccessDeniedException("Account outside the caller's unit");
            }
        }
        return account;
    }

    private @Nullable UnitSummary requireUnitFor(Role role, @Nullable Long unitId, PortalUser caller) {
        if (unitId == null) {
            if (role == Role.COORDINATOR || role == Role.TRAINEE || !caller.isAdmin()) {
                throw new ValidationException("account.error.unitRequired");
            }
            return null;
        }
        UnitSummary unit = units.findById(unitId).orElseThrow(() -> new ValidationException("account.error.unitRequired"));
        if (!caller.manages(unit.path())) {
            throw new AccessDeniedException("Unit outside the caller's scope");
        }
        if (role == Role.TRAINEE && unit.level() != UnitLevel.COMMUNE) {
            throw new ValidationException("account.error.commune");
        }
        return unit;
    }

    /** For coordinators and administrators creating an account: they may know that a login name is taken. */
    private void requireFree(String username, @Nullable String email, @Nullable String phone) {
        if (isTaken(username, email, phone)) {
            throw new ValidationException("account.error.taken");
        }
    }

    private boolean isTaken(String username, @Nullable String email, @Nullable String phone) {
        return accounts.existsByUsernameIgnoreCase(username) || (email != null && accounts.existsByEmailIgnoreCase(email))
                || (phone != null && accounts.existsByPhone(phone));
    }

    private static String requireName(String fullName) {
        String name = fullName == null ? "" : Texts.clean(fullName);
        if (name.length() < 2 || name.length() > 200) {
            throw new ValidationException("account.error.fullName");
        }
        return name;
    }

    private static @Nullable String optionalPhone(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String phone = PhoneNumbers.normalize(text);
        if (phone == null) {
            throw new ValidationException("account.error.phone");
        }
        return phone;
    }

    private static @Nullable String optionalEmail(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String email = text.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 255 || !EMAIL.matcher(email).matches()) {
            throw new ValidationException("account.error.email");
        }
        return email;
    }

    private AccountSummary toSummary(Account a) {
        String unitName = a.getUnitId() == null ? null : units.findById(a.getUnitId()).map(UnitSummary::name).orElse(null);
        return new AccountSummary(a.getId(), a.getUsername(), a.getFullName(), a.getEmail(), a.getPhone(), a.getRole(),
                a.getUnitId(), unitName, a.getOrganisationId(), a.getTraineeLevel(), a.isEnabled(), a.getCreatedAt());
    }
}
