package vn.ntm.portal.home;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.learning.LearningService;
import vn.ntm.portal.learning.MyModule;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.EnrolmentRequestService;
import vn.ntm.portal.training.EnrolmentRequestView;
import vn.ntm.portal.training.TeachingToday;
import vn.ntm.portal.unit.OrganisationService;
import vn.ntm.portal.unit.OrganisationSummary;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitLevel;
import vn.ntm.portal.unit.UnitSummary;

import java.util.List;
import java.util.Map;

/** Gathers the figures and facts of the home page, within the reader's scope, and the reader's next step. */
@Service
class HomeService {

    private static final int OPEN_CLASSES_SHOWN = 3;

    private final AccountService accounts;
    private final UnitDirectory units;
    private final OrganisationService organisations;
    private final LearningService learning;
    private final EnrolmentRequestService requests;
    private final TeachingToday teaching;
    private final CurriculumService curriculum;

    HomeService(AccountService accounts, UnitDirectory units, OrganisationService organisations, LearningService learning,
                EnrolmentRequestService requests, TeachingToday teaching, CurriculumService curriculum) {
        this.accounts = accounts;
        this.units = units;
        this.organisations = organisations;
        this.learning = learning;
        this.requests = requests;
        this.teaching = teaching;
        this.curriculum = curriculum;
    }

    record Overview(AccountSummary me, String unitLabel, String provinceName, String organisationName,
                    long provinces, long communes, long organisations, Map<Role, Long> accountsByRole) {
    }

    /**
     * A trainee's way on: the module to continue (null when none is in progress), the classes they are on, the
     * classes open to them and their requests to join.
     */
    record TraineeNext(@Nullable MyModule continueWith, boolean learnedBefore, List<ClassSummary> myClasses,
                       List<ClassSummary> openClasses, List<EnrolmentRequestView> requests) {
    }

    /** One step of setting up a new portal; {@code route} is where it is done. */
    record FirstStep(String key, String route, boolean done) {
    }

    @PreAuthorize("isAuthenticated()")
    Overview overview() {
        AccountSummary me = accounts.me();
        UnitSummary unit = me.unitId() == null ? null : units.findById(me.unitId()).orElse(null);
        String unitLabel = unit == null ? "" : unit.name();
        String provinceName = unit == null ? "" : units.provinceOf(unit).map(UnitSummary::name).orElse("");
        String organisationName = me.organisationId() == null ? ""
                : organisations.findById(me.organisationId()).map(OrganisationSummary::name).orElse("");
        if (me.role() == Role.ADMIN || me.role() == Role.COORDINATOR) {
            return new Overview(me, unitLabel, provinceName, organisationName,
                    units.countCurrent(UnitLevel.PROVINCE), units.countCurrent(UnitLevel.COMMUNE), organisations.count(),
                    accounts.countByRole());
        }
        return new Overview(me, unitLabel, provinceName, organisationName, 0, 0, 0, Map.of());
    }

    @PreAuthorize("hasRole('TRAINEE')")
    TraineeNext traineeNext() {
        List<MyModule> mine = learning.myLearning(0, 50);
        MyModule inProgress = mine.stream().filter(m -> m.completedOn() == null).findFirst().orElse(null);
        return new TraineeNext(inProgress, !mine.isEmpty(), requests.myCurrentClasses(), requests.openClasses(0, OPEN_CLASSES_SHOWN),
                requests.mine());
    }

    @PreAuthorize("hasRole('TRAINER')")
    List<TeachingToday.Lesson> teachingToday() {
        return teaching.mine();
    }

    /**
     * What a new installation needs, in order: the official units, the curricula, the organisations, then the
     * coordinators and trainers. Shown on the administrator's home until every step is done.
     */
    @PreAuthorize("hasRole('ADMIN')")
    List<FirstStep> firstSteps() {
        Map<Role, Long> byRole = accounts.countByRole();
        return List.of(
                new FirstStep("units", "units", units.countCurrent(UnitLevel.PROVINCE) > 0),
                new FirstStep("curricula", "curriculum-editor", curriculum.countModules(null, "") > 0),
                new FirstStep("organisations", "organisations", organisations.count() > 0),
                new FirstStep("coordinators", "accounts", byRole.getOrDefault(Role.COORDINATOR, 0L) > 0),
                new FirstStep("trainers", "accounts", byRole.getOrDefault(Role.TRAINER, 0L) > 0));
    }
}
