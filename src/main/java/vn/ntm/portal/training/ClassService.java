package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.training.domain.TrainingClass;
import vn.ntm.portal.training.domain.TrainingClassRepository;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Classes: coordinators manage those of their scope, trainers see those they teach. */
@Service
public class ClassService {

    /** A national online class may reach thousands; no class reaches a hundred thousand. */
    static final int MAX_CAPACITY = 100_000;
    /** A thousand billion dong: far above any class's budget, far below what the report sums can hold. */
    static final long MAX_BUDGET_VND = 1_000_000_000_000L;
    /** The programme began in 2010; past years' classes are imported from then on. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final java.util.regex.Pattern WEB_ADDRESS = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final TrainingClassRepository classes;
    private final ClassAccess access;
    private final UnitDirectory units;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    private final TrainingAudit audit;
    private final AccountService accounts;

    ClassService(TrainingClassRepository classes, ClassAccess access, UnitDirectory units, CurrentUser currentUser, Clock clock,
                 ApplicationEventPublisher events, TrainingAudit audit, AccountService accounts) {
        this.audit = audit;
        this.accounts = accounts;
        this.classes = classes;
        this.access = access;
        this.units = units;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public ClassSummary create(ClassForm form) {
        check(form);
        currentUser.requireManages(access.unitPath(form.unitId()));
        if (classes.existsByCode(form.code().strip())) {
            throw new ValidationException("training.error.codeTaken", form.code().strip());
        }
        checkTrainers(form.trainerAccountIds(), Set.of());
        TrainingClass saved = classes.save(new TrainingClass(ProgrammeSpelling.onRecord(classes, form, 0), clock.instant()));
        events.publishEvent(new ClassChanged(saved.getId()));
        ClassSummary created = toSummary(saved);
        audit.classCreated(created);
        return created;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public ClassSummary update(long classId, long expectedVersion, ClassForm form) {
        TrainingClass c = access.manageable(classId);
        if (c.getVersion() != expectedVersion) {
            throw new ValidationException("training.error.changedMeanwhile");
        }
        check(form);
        currentUser.requireManages(access.unitPath(form.unitId()));
        if (!c.getCode().equals(form.code().strip()) && classes.existsByCode(form.code().strip())) {
            throw new ValidationException("training.error.codeTaken", form.code().strip());
        }
        if (form.completionShare() != c.getCompletionShare()) {
            // a new share moves completions and certificates: only the rule change, with its preview, may do it
            throw new ValidationException("training.error.completionShareViaRule");
        }
        checkTrainers(form.trainerAccountIds(), c.getTrainerAccountIds());
        ClassSummary before = toSummary(c);
        c.apply(ProgrammeSpelling.onRecord(classes, form, c.getId()));
        classes.flush(); // the summary handed back carries the new version, for the next edit
        events.publishEvent(new ClassChanged(c.getId()));
        ClassSummary after = toSummary(c);
        audit.classChanged(before, after);
        return after;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public ClassSummary get(long classId) {
        return toSummary(access.readable(classId));
    }

    /** The class's trainers by name, wherever their unit (a commune's class may be taught by a provincial trainer). */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<AccountSummary> trainersOf(long classId) {
        return accounts.trainersById(access.readable(classId).getTrainerAccountIds());
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<ClassSummary> list(int offset, int limit) {
        return list(ClassFilter.ANY, offset, limit);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public long count() {
        return count(ClassFilter.ANY);
    }

    /** One page of the classes the reader may see that match the filter, the latest start first. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<ClassSummary> list(ClassFilter filter, int offset, int limit) {
        PortalUser user = currentUser.require();
        int size = Math.max(limit, 1);
        return classes.findVisible(user.scopePath(), trainerId(user), filter.searchText(), filter.year(), name(filter.status()),
                        name(filter.mode()), PageRequest.of(offset / size, size)).stream()
                .map(this::toSummary).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public long count(ClassFilter filter) {
        PortalUser user = currentUser.require();
        return classes.countVisible(user.scopePath(), trainerId(user), filter.searchText(), filter.year(), name(filter.status()),
                name(filter.mode()));
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Long trainerId(PortalUser user) {
        return user.role() == Role.TRAINER ? user.accountId() : null;
    }

    /** Letters (with Vietnamese ones), digits and . _ / -, 2 to 40: the shape of a class code, typed or imported. */
    static boolean validCode(String code) {
        return code != null && code.strip().matches("[\\p{L}0-9._/-]{2,40}");
    }

    /**
     * Each trainer must be a trainer account. Those already on the class stay whoever edits it (an editor of a commune
     * must not lose the provincial trainer who taught), even if disabled since; a trainer newly put on the class must
     * be enabled and within the editor's scope, as the trainer picker offers.
     */
    private void checkTrainers(Collection<Long> ids, Collection<Long> alreadyOnClass) {
        Set<Long> asked = new LinkedHashSet<>(ids);
        Map<Long, AccountSummary> found = accounts.trainersById(asked).stream()
                .collect(Collectors.toMap(AccountSummary::id, Function.identity()));
        PortalUser user = currentUser.require();
        for (Long id : asked) {
            AccountSummary trainer = found.get(id);
            if (trainer == null) {
                throw new ValidationException("training.error.trainerUnknown");
            }
            if (alreadyOnClass.contains(id)) {
                continue;
            }
            if (!trainer.enabled()) {
                throw new ValidationException("training.error.trainerDisabled", trainer.fullName());
            }
            String path = trainer.unitId() == null ? null : units.findById(trainer.unitId()).map(UnitSummary::path).orElse(null);
            if (!user.isAdmin() && !user.manages(path)) {
                throw new ValidationException("training.error.trainerOutsideScope", trainer.fullName());
            }
        }
    }

    private static void check(ClassForm form) {
        if (!validCode(form.code())) {
            throw new ValidationException("training.error.code");
        }
        if (form.title() == null || form.title().isBlank() || form.title().length() > 300) {
            throw new ValidationException("training.error.title");
        }
        if (form.startDate() == null || form.endDate() == null || form.endDate().isBefore(form.startDate())) {
            throw new ValidationException("training.error.dates");
        }
        // the widths of their columns: an over-long text gets a message, never a database error
        if (form.programme() != null && form.programme().length() > 200) {
            throw new ValidationException("training.error.programmeTooLong", 200);
        }
        if (form.topics() != null && form.topics().length() > 1000) {
            throw new ValidationException("training.error.topicsTooLong", 1000);
        }
        if (form.targetGroups() != null && form.targetGroups().length() > 500) {
            throw new ValidationException("training.error.targetGroupsTooLong", 500);
        }
        if (form.venue() != null && form.venue().length() > 300) {
            throw new ValidationException("training.error.venueTooLong", 300);
        }
        if (form.meetingLink() != null && !form.meetingLink().isEmpty()
                && (form.meetingLink().length() > 500 || !WEB_ADDRESS.matcher(form.meetingLink()).matches())) {
            // trainees open it: only a web address, never javascript: or a file path
            throw new ValidationException("training.error.meetingLink", 500);
        }
        if (form.capacity() != null && form.capacity() < 1) {
            throw new ValidationException("training.error.capacity");
        }
        if (form.budgetVnd() != null && form.budgetVnd() < 0) {
            throw new ValidationException("training.error.budget");
        }
        // beyond these a number is a typing slip, and would overflow the sums of the reports
        if (form.capacity() != null && form.capacity() > MAX_CAPACITY) {
            throw new ValidationException("training.error.capacityTooLarge", MAX_CAPACITY);
        }
        if (form.budgetVnd() != null && form.budgetVnd() > MAX_BUDGET_VND) {
            throw new ValidationException("training.error.budgetTooLarge", MAX_BUDGET_VND);
        }
        if (form.startDate().getYear() < FIRST_YEAR || form.endDate().getYear() > LAST_YEAR) {
            throw new ValidationException("training.error.datesOutOfRange", FIRST_YEAR, LAST_YEAR);
        }
        if (form.completionShare() < 1 || form.completionShare() > 100) {
            throw new ValidationException("training.error.completionShare");
        }
    }

    ClassSummary toSummary(TrainingClass c) {
        UnitSummary unit = units.findById(c.getUnitId()).orElseThrow();
        return new ClassSummary(c.getId(), c.getCode(), c.getTitle(), c.getProgramme(), c.getTopics(), c.getUnitId(), unit.name(),
                unit.path(), c.getOrganisationId(), c.getOrganisingLevel(), c.getTargetGroups(), c.getDeliveryMode(), c.getVenue(),
                c.getMeetingLink(), c.getStartDate(), c.getEndDate(), c.getCapacity(), c.getBudgetVnd(), c.getStatus(),
                c.getCompletionShare(), List.copyOf(c.getTrainerAccountIds()), c.getVersion());
    }
}
