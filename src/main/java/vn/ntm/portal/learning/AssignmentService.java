package vn.ntm.portal.learning;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.learning.domain.Enrolment;
import vn.ntm.portal.learning.domain.EnrolmentQueries;
import vn.ntm.portal.learning.domain.EnrolmentRepository;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A coordinator assigns a published module to every trainee of a unit within their scope (the unit and everything
 * under it), optionally of one level. Each trainee not yet enrolled gets an enrolment, as if they had enrolled
 * themselves (who assigned it is not stored yet); those already enrolled are left as they are. A module restricted
 * to units is opened to the unit it is assigned to, so the unit's later trainees find it in the catalog too.
 */
@Service
public class AssignmentService {

    private final CatalogService catalog;
    private final UnitDirectory units;
    private final EnrolmentRepository enrolments;
    private final EnrolmentQueries queries;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssignmentService(CatalogService catalog, UnitDirectory units, EnrolmentRepository enrolments, EnrolmentQueries queries,
                      CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.units = units;
        this.enrolments = enrolments;
        this.queries = queries;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Published modules to choose from, searched as in the catalog. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public List<ModuleSummary> modules(String text, int offset, int limit) {
        return catalog.search(null, null, text, offset, limit);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public long countModules(String text) {
        return catalog.count(null, null, text);
    }

    /** Returns how many trainees were newly enrolled. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public int assign(long moduleId, @Nullable Long unitId, @Nullable TraineeLevel level) {
        ModuleSummary module = catalog.module(moduleId);
        if (!module.isPublished()) {
            throw new ValidationException("learning.error.notPublished");
        }
        if (unitId == null) {
            throw new ValidationException("learning.error.assignUnit");
        }
        UnitSummary unit = units.findById(unitId).orElseThrow(() -> new ValidationException("learning.error.assignUnit"));
        currentUser.requireManages(unit.path());
        catalog.openToUnit(moduleId, unitId);
        Instant now = clock.instant();
        List<Long> trainees = queries.traineesNotEnrolled(unit.path(), level == null ? null : level.name(), moduleId);
        for (long accountId : trainees) {
            Enrolment enrolment = enrolments.save(new Enrolment(accountId, moduleId, module.version(), now));
            events.publishEvent(new EnrolmentStarted(enrolment.getId(), accountId, moduleId, module.version()));
        }
        return trainees.size();
    }
}
