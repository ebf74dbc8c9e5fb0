package vn.ntm.portal.plan;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.audit.AuditAction;
import vn.ntm.portal.audit.AuditSubject;
import vn.ntm.portal.audit.AuditTrail;
import vn.ntm.portal.audit.AuditedChange;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.plan.domain.PlanEntry;
import vn.ntm.portal.plan.domain.PlanEntryRepository;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Training plans. A unit's plan is read and written by the coordinators of that unit and of the units above it, and
 * by administrators; nobody else (a coordinator of Sơn La never sees Hà Tĩnh's plan). Every change is audited.
 */
@Service
public class PlanService {

    static final int MAX_CLASSES = 100_000;
    static final int MAX_PARTICIPATIONS = 10_000_000;
    static final long MAX_BUDGET = 1_000_000_000_000_000L;

    private final PlanEntryRepository plans;
    private final UnitDirectory units;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    PlanService(PlanEntryRepository plans, UnitDirectory units, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.units = units;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Plan rows within the caller's scope, newest year first; {@code year} and {@code unitId} narrow when given. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public List<PlanLine> list(@Nullable Integer year, @Nullable Long unitId, int offset, int limit) {
        int size = Math.max(limit, 1);
        return plans.findInScope(currentUser.require().scopePath(), year, unitId, PageRequest.of(offset / size, size)).stream()
                .map(this::toLine).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public long count(@Nullable Integer year, @Nullable Long unitId) {
        return plans.countInScope(currentUser.require().scopePath(), year, unitId);
    }

    /** Adds a row ({@code id} null) or changes one against the version the editor saw. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public PlanLine save(@Nullable Long id, long expectedVersion, PlanForm form) {
        check(form);
        UnitSummary unit = managedUnit(form.unitId());
        String traineeLevel = traineeLevelCode(form.traineeLevel());
        var sameKey = plans.findByUnitIdAndYearAndOrganisingLevelAndTraineeLevel(form.unitId(), form.year(),
                form.organisingLevel().name(), traineeLevel);
        if (id == null) {
            if (sameKey.isPresent()) {
                throw new ValidationException("plan.error.duplicate");
            }
            PlanEntry entry = plans.save(newEntry(form));
            plans.flush();
            PlanLine created = toLine(entry);
            audit.record(describe(created, unit, AuditAction.CREATED, null));
            return created;
        }
        PlanEntry entry = plans.findById(id).orElseThrow(() -> new ValidationException("plan.error.notFound"));
        managedUnit(entry.getUnitId());
        if (entry.getVersion() != expectedVersion) {
            throw new ValidationException("plan.error.changedMeanwhile");
        }
        if (sameKey.isPresent() && !sameKey.get().getId().equals(id)) {
            throw new ValidationException("plan.error.duplicate");
        }
        PlanLine before = toLine(entry);
        entry.moveTo(form.unitId(), form.year(), form.organisingLevel().name(), traineeLevel);
        entry.plan(form.plannedClasses(), form.plannedParticipations(), form.plannedBudgetVnd(), clock.instant());
        plans.flush();
        PlanLine after = toLine(entry);
        audit.record(describe(after, unit, AuditAction.UPDATED, before));
        return after;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public void delete(long id, long expectedVersion) {
        PlanEntry entry = plans.findById(id).orElseThrow(() -> new ValidationException("plan.error.notFound"));
        UnitSummary unit = managedUnit(entry.getUnitId());
        if (entry.getVersion() != expectedVersion) {
            throw new ValidationException("plan.error.changedMeanwhile");
        }
        PlanLine gone = toLine(entry);
        plans.delete(entry);
        AuditedChange change = AuditedChange.of(AuditSubject.PLAN, gone.id(), label(gone), unit.path(), AuditAction.DELETED);
        fields(change, gone, null);
        audit.record(change);
    }

    /**
     * The own plans of these units for a year, added up by organising level (units without a plan are left out).
     * Each unit must lie within the caller's scope: this is how the reports read plans.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public Map<Long, UnitPlan> plansOf(Collection<Long> unitIds, int year) {
        unitIds.forEach(this::managedUnit);
        Map<Long, Map<OrganisingLevel, PlannedFigures>> byUnit = new HashMap<>();
        for (PlanEntry e : unitIds.isEmpty() ? List.<PlanEntry>of() : plans.findByUnitIdInAndYear(unitIds, year)) {
            byUnit.computeIfAbsent(e.getUnitId(), u -> new EnumMap<>(OrganisingLevel.class))
                    .merge(OrganisingLevel.valueOf(e.getOrganisingLevel()), figures(e), PlannedFigures::plus);
        }
        Map<Long, UnitPlan> result = new HashMap<>();
        byUnit.forEach((unit, levels) -> result.put(unit, new UnitPlan(unit, year, levels,
                levels.values().stream().reduce(PlannedFigures.NONE, PlannedFigures::plus))));
        return result;
    }

    /** Writes all rows of an accepted sheet in one transaction: a row of the same unit, year and levels is replaced. */
    @Transactional
    int store(List<PlanForm> rows) {
        rows.forEach(PlanService::check);
        int stored = 0;
        for (PlanForm form : rows) {
            UnitSummary unit = managedUnit(form.unitId());
            var existing = plans.findByUnitIdAndYearAndOrganisingLevelAndTraineeLevel(form.unitId(), form.year(),
                    form.organisingLevel().name(), traineeLevelCode(form.traineeLevel()));
            if (existing.isPresent()) {
                PlanLine before = toLine(existing.get());
                existing.get().plan(form.plannedClasses(), form.plannedParticipations(), form.plannedBudgetVnd(), clock.instant());
                plans.flush();
                AuditedChange change = describe(toLine(existing.get()), unit, AuditAction.UPDATED, before);
                if (!change.changesNothing()) {
                    audit.record(change);
                }
            } else {
                PlanEntry entry = plans.save(newEntry(form));
                plans.flush();
                audit.record(describe(toLine(entry), unit, AuditAction.CREATED, null));
            }
            stored++;
        }
        return stored;
    }

    /** The unit, when the caller may plan for it; otherwise refused as any other read of another's data. */
    UnitSummary managedUnit(long unitId) {
        UnitSummary unit = units.findById(unitId).orElseThrow(() -> new ValidationException("plan.error.unit"));
        PortalUser user = currentUser.require();
        if (!user.manages(unit.path())) {
            throw new AccessDeniedException("Plan of a unit outside the caller's scope");
        }
        return unit;
    }

    static void check(PlanForm form) {
        if (form.year() < 2000 || form.year() > 2100) {
            throw new ValidationException("plan.error.year");
        }
        if (form.plannedClasses() < 0 || form.plannedClasses() > MAX_CLASSES) {
            throw new ValidationException("plan.error.classes");
        }
        if (form.plannedParticipations() < 0 || form.plannedParticipations() > MAX_PARTICIPATIONS) {
            throw new ValidationException("plan.error.participations");
        }
        if (form.plannedBudgetVnd() < 0 || form.plannedBudgetVnd() > MAX_BUDGET) {
            throw new ValidationException("plan.error.budget");
        }
    }

    private PlanEntry newEntry(PlanForm form) {
        PlanEntry entry = new PlanEntry(form.unitId(), form.year(), form.organisingLevel().name(), traineeLevelCode(form.traineeLevel()),
                clock.instant());
        entry.plan(form.plannedClasses(), form.plannedParticipations(), form.plannedBudgetVnd(), clock.instant());
        return entry;
    }

    private static String traineeLevelCode(@Nullable TraineeLevel level) {
        return level == null ? PlanEntry.ALL_LEVELS : level.name();
    }

    private static PlannedFigures figures(PlanEntry e) {
        return new PlannedFigures(e.getPlannedClasses(), e.getPlannedParticipations(), e.getPlannedBudgetVnd());
    }

    private PlanLine toLine(PlanEntry e) {
        String unitName = units.findById(e.getUnitId()).map(UnitSummary::name).orElse("");
        TraineeLevel level = PlanEntry.ALL_LEVELS.equals(e.getTraineeLevel()) ? null : TraineeLevel.valueOf(e.getTraineeLevel());
        return new PlanLine(e.getId(), e.getUnitId(), unitName, e.getYear(), OrganisingLevel.valueOf(e.getOrganisingLevel()), level,
                e.getPlannedClasses(), e.getPlannedParticipations(), e.getPlannedBudgetVnd(), e.getVersion());
    }

    private static AuditedChange describe(PlanLine after, UnitSummary unit, AuditAction action, @Nullable PlanLine before) {
        AuditedChange change = AuditedChange.of(AuditSubject.PLAN, after.id(), label(after), unit.path(), action);
        fields(change, before, after);
        return change;
    }

    private static void fields(AuditedChange change, @Nullable PlanLine before, @Nullable PlanLine after) {
        change.field("unit", before == null ? null : before.unitName(), after == null ? null : after.unitName())
                .field("year", before == null ? null : before.year(), after == null ? null : after.year())
                .field("organisingLevel", before == null ? null : before.organisingLevel(), after == null ? null : after.organisingLevel())
                .field("traineeLevel", before == null ? null : traineeLevelCode(before.traineeLevel()),
                        after == null ? null : traineeLevelCode(after.traineeLevel()))
                .field("plannedClasses", before == null ? null : before.plannedClasses(), after == null ? null : after.plannedClasses())
                .field("plannedParticipations", before == null ? null : before.plannedParticipations(),
                        after == null ? null : after.plannedParticipations())
                .field("plannedBudgetVnd", before == null ? null : before.plannedBudgetVnd(), after == null ? null : after.plannedBudgetVnd());
    }

    private static String label(PlanLine line) {
        return line.year() + " · " + line.unitName() + " · " + line.organisingLevel().name() + " · " + traineeLevelCode(line.traineeLevel());
    }
}
