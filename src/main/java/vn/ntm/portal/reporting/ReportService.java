package vn.ntm.portal.reporting;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.ProgrammeTitles;
import vn.ntm.portal.plan.PlanService;
import vn.ntm.portal.plan.PlannedFigures;
import vn.ntm.portal.plan.UnitPlan;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.reporting.internal.ReportQueries;
import vn.ntm.portal.reporting.internal.RebuildJob;
import vn.ntm.portal.reporting.internal.SummaryMaintainer;
import vn.ntm.portal.reporting.internal.UnitMapper;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitLevel;
import vn.ntm.portal.unit.UnitSummary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The reports: figures for a filter within the caller's scope. A coordinator gets their unit and everything under
 * it whatever the filter says (no unit: their own; a unit outside: refused); an administrator gets everything; a
 * trainer gets the classes they teach, wherever they are (the filter by trainer is theirs, another's is refused).
 * The screen, the exports and {@code GET /api/v1/reports/summary} all read through here, so they show the same numbers.
 */
@Service
public class ReportService {

    /** At most this many choices in a filter's list at once (trainers are fetched page by page as one types). */
    private static final int MAX_CHOICES = 500;

    private final ReportQueries queries;
    private final SummaryMaintainer summaries;
    private final UnitMapper unitMapper;
    private final UnitDirectory units;
    private final CurrentUser currentUser;
    private final PlanService plans;
    private final ProgrammeTitles programmeTitles;
    private final CurriculumService curriculum;
    private final RebuildJob rebuildJob;

    ReportService(ReportQueries queries, SummaryMaintainer summaries, UnitMapper unitMapper, UnitDirectory units, CurrentUser currentUser,
                  PlanService plans, ProgrammeTitles programmeTitles, CurriculumService curriculum, RebuildJob rebuildJob) {
        this.plans = plans;
        this.programmeTitles = programmeTitles;
        this.curriculum = curriculum;
        this.rebuildJob = rebuildJob;
        this.queries = queries;
        this.summaries = summaries;
        this.unitMapper = unitMapper;
        this.units = units;
        this.currentUser = currentUser;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public ReportSummary summary(ReportFilter asked, Collection<Breakdown> breakdowns) {
        asked.check();
        ReportFilter filter = ownClassesOfATrainer(asked);
        ReportQueries.Target target = target(filter);
        ReportFilter applied = filter.withUnit(target.unit() == null ? null : target.unit().id());
        Figures total = queries.total(applied, target);
        Map<Breakdown, List<ReportRow>> rows = new EnumMap<>(Breakdown.class);
        for (Breakdown b : breakdowns) {
            rows.put(b, queries.breakdown(applied, target, b));
        }
        return new ReportSummary(applied, target.unit() == null ? "" : unitName(target.unit()), total, rows,
                queries.planned(applied, target), target.dissolved() == null ? null : unitName(target.dissolved()));
    }

    /**
     * A year's plan against what was held for a unit (none: the caller's own; administrators: the country), in total,
     * by organising level and by the units one level down. The plans are read through the plan module's service, the
     * held figures are the report's own for that unit and year. Coordinators and administrators only: a trainer's
     * reports are about their classes, which no plan describes.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public PlanVsActual planVsActual(@Nullable Long unitId, int year) {
        ReportFilter asked = ReportFilter.all().withYear(year).withUnit(unitId);
        asked.check();
        ReportQueries.Target target = target(asked);
        UnitSummary unit = target.unit();
        ReportFilter applied = asked.withUnit(unit == null ? null : unit.id());
        Figures held = queries.total(applied, target);
        List<ReportRow> heldByUnit = queries.breakdown(applied, target, Breakdown.UNIT);
        List<ReportRow> heldByLevel = queries.breakdown(applied, target, Breakdown.ORGANISING_LEVEL);

        Map<Long, String> children = new LinkedHashMap<>();
        for (UnitSummary child : childrenOf(unit)) {
            children.put(child.id(), child.name());
        }
        for (ReportRow row : heldByUnit) {
            if (row.unitId() != null) {
                children.putIfAbsent(row.unitId(), row.label());
            }
        }
        Set<Long> asking = new LinkedHashSet<>(children.keySet());
        if (unit != null) {
            asking.add(unit.id());
        }
        Map<Long, UnitPlan> planned = plans.plansOf(asking, year);
        UnitPlan own = unit == null ? null : planned.get(unit.id());

        // the unit's own plan; without one, the plans of the units under it added up
        Map<OrganisingLevel, PlannedFigures> byLevel = new java.util.EnumMap<>(OrganisingLevel.class);
        if (own != null) {
            byLevel.putAll(own.byOrganisingLevel());
        } else {
            children.keySet().stream().map(planned::get).filter(java.util.Objects::nonNull)
                    .forEach(p -> p.byOrganisingLevel().forEach((level, f) -> byLevel.merge(level, f, PlannedFigures::plus)));
        }
        PlannedFigures totalPlanned = byLevel.isEmpty() ? null : byLevel.values().stream().reduce(PlannedFigures.NONE, PlannedFigures::plus);

        List<PlanVsActual.Line> levels = new ArrayList<>();
        for (OrganisingLevel level : OrganisingLevel.values()) {
            ReportRow row = heldByLevel.stream().filter(r -> r.key().equals(level.name())).findFirst().orElse(null);
            if (row != null || byLevel.containsKey(level)) {
                levels.add(line(level.name(), level.name(), byLevel.get(level), row == null ? Figures.ZERO : row.figures()));
            }
        }
        List<PlanVsActual.Line> unitLines = new ArrayList<>();
        children.forEach((id, name) -> {
            ReportRow row = heldByUnit.stream().filter(r -> id.equals(r.unitId())).findFirst().orElse(null);
            UnitPlan p = planned.get(id);
            if (row != null || p != null) {
                unitLines.add(line(String.valueOf(id), name, p == null ? null : p.total(), row == null ? Figures.ZERO : row.figures()));
            }
        });
        String name = unit == null ? "" : unitName(unit);
        return new PlanVsActual(unit == null ? null : unit.id(), name, year, line("", name, totalPlanned, held), levels, unitLines);
    }

    private List<UnitSummary> childrenOf(@Nullable UnitSummary unit) {
        if (unit == null) {
            return units.currentProvinces();
        }
        return unit.level() == UnitLevel.PROVINCE ? units.currentCommunesOf(unit.id()) : List.of();
    }

    private static PlanVsActual.Line line(String key, String label, @Nullable PlannedFigures planned, Figures held) {
        return PlanVsActual.Line.of(key, label, planned, held.classes() == null ? 0 : held.classes(), held.participations(),
                held.budgetVnd() == null ? 0 : held.budgetVnd());
    }

    /** Which topics of a framework the classes of the filter covered, with participations, and which none did. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public TopicCoverage topicCoverage(ReportFilter asked, long programmeId) {
        asked.check();
        ReportFilter filter = ownClassesOfATrainer(asked);
        ReportQueries.Target target = target(filter);
        // the framework's topics from the curriculum's API, not its tables
        String title = programmeTitles.all().stream().filter(p -> p.id() == programmeId).map(ProgrammeTitles.ProgrammeTitle::title)
                .findFirst().orElse("");
        return queries.topicCoverage(filter.withUnit(target.unit() == null ? null : target.unit().id()), target, programmeId, title,
                curriculum.topics(programmeId));
    }

    public record Framework(long id, String title) {
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<Framework> frameworks() {
        return programmeTitles.all().stream().map(c -> new Framework(c.id(), c.title())).toList();
    }

    /** A trainer to choose in the filter: name, and their unit to tell two of one name apart. */
    public record Trainer(long id, String name, @Nullable String unitName) {

        public String label() {
            return unitName == null ? name : name + " (" + unitName + ")";
        }
    }

    /**
     * The trainers of classes within the caller's scope (a coordinator never learns of a trainer who taught only
     * elsewhere), whose name contains {@code search}, a page at a time: a province has a few hundred, the country more.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<Trainer> trainers(String search, int offset, int limit) {
        PortalUser user = currentUser.require();
        if (user.role() == Role.TRAINER) {
            return offset > 0 ? List.of() : List.of(new Trainer(user.accountId(), user.fullName(), null));
        }
        String scope = user.scopePath();
        return queries.trainers(scope, search, Math.max(0, offset), Math.clamp(limit, 1, MAX_CHOICES)).stream()
                .map(t -> new Trainer(t.id(), t.name(), t.unitName())).toList();
    }

    /** The programmes that classes within the caller's scope recorded, most used first, for the programme filter. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<String> recordedProgrammes() {
        PortalUser user = currentUser.require();
        return user.role() == Role.TRAINER ? queries.recordedProgrammes(null, user.accountId(), MAX_CHOICES)
                : queries.recordedProgrammes(user.scopePath(), null, MAX_CHOICES);
    }

    /** The most units one page of {@link #units} holds. */
    public static final int MAX_UNITS_PER_PAGE = 1_000;

    /**
     * The administrative units (official codes, public facts) a page at a time, for scripts that ask for a report by
     * unit code: any signed-in account may read them.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public UnitListing units(int page, int size) {
        return queries.units(Math.max(0, page), Math.clamp(size, 1, MAX_UNITS_PER_PAGE));
    }

    /** The id of the unit with this official code; refused with a message key when there is none. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public long unitIdOfCode(String code) {
        return units.findByCode(code.strip()).map(UnitSummary::id).orElseThrow(() -> new ValidationException("reports.error.unit"));
    }

    /** Derives every summary again from what training and learning answer (classes, participations, online enrolments). */
    @PreAuthorize("hasRole('ADMIN')")
    public SummaryMaintainer.RebuildResult rebuild() {
        return rebuildJob.runNow();
    }

    /**
     * Starts the rebuild in the background (minutes at national scale, too long for a page's request); false when one
     * is running already, on this node or another.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean startRebuild() {
        return rebuildJob.start(currentUser.require().getUsername());
    }

    /** The state of the last rebuild started by an administrator, as every node sees it. */
    @PreAuthorize("hasRole('ADMIN')")
    public RebuildJob.Progress rebuildProgress() {
        return rebuildJob.progress();
    }

    /** "tỉnh Hà Tĩnh", "xã Cẩm Xuyên": the kind as official lists write it, then the name. */
    static String unitName(UnitSummary unit) {
        return unit.kind().vietnamese() + " " + unit.name();
    }

    /** A trainer's reports are about the classes they teach: the filter by trainer is set to them. */
    private ReportFilter ownClassesOfATrainer(ReportFilter filter) {
        PortalUser user = currentUser.require();
        if (user.role() != Role.TRAINER) {
            return filter;
        }
        if (filter.trainerId() != null && filter.trainerId() != user.accountId()) {
            throw new AccessDeniedException("Another trainer's classes");
        }
        return filter.withTrainer(user.accountId());
    }

    /** Whether the caller is a trainer, whose screens show only their own classes (no choice of trainer). */
    public boolean ownClassesOnly() {
        return currentUser.require().role() == Role.TRAINER;
    }

    private ReportQueries.Target target(ReportFilter filter) {
        PortalUser user = currentUser.require();
        // a trainer's classes may lie in any unit; the filter by trainer keeps the figures to theirs
        String scope = user.role() == Role.TRAINER ? null : user.scopePath();
        UnitSummary unit;
        if (filter.unitId() != null) {
            unit = units.findById(filter.unitId()).orElseThrow(() -> new ValidationException("reports.error.unit"));
            if (scope != null && !user.manages(unit.path())) {
                throw new AccessDeniedException("Unit outside the caller's scope");
            }
            UnitSummary reported = filter.asRecorded() ? unit : units.findById(unitMapper.reportedUnitId(unit.id())).orElse(unit);
            if (reported.id() != unit.id()) {
                // a unit dissolved in the 2025 merger, under today's units: the figures of the unit its records count under
                return new ReportQueries.Target(reported, scope, unit);
            }
        } else if (scope == null) {
            unit = null;
        } else {
            unit = user.unitId() == null ? null : units.findById(user.unitId()).orElse(null);
            if (unit == null) {
                throw new AccessDeniedException("No unit to report on");
            }
        }
        return new ReportQueries.Target(unit, scope, null);
    }
}
