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
        if (form.capacity() != null && form.capacity() < 1) {
            throw new ValidationException("training.error.capacity");
        }
        if (form.budgetVnd() != null && form.budgetVnd() < 0) {
            throw new ValidationException("training.error.budget");
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
