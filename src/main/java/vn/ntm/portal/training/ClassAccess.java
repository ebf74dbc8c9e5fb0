package vn.ntm.portal.training;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.training.domain.TrainingClass;
import vn.ntm.portal.training.domain.TrainingClassRepository;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

/**
 * Who may do what with a class: administrators everything; coordinators the classes organised in their unit
 * tree; trainers read and take attendance in the classes they teach. Every service checks here before it reads
 * or changes a class, whatever screen or request called it.
 */
@Component
class ClassAccess {

    private final TrainingClassRepository classes;
    private final UnitDirectory units;
    private final CurrentUser currentUser;

    ClassAccess(TrainingClassRepository classes, UnitDirectory units, CurrentUser currentUser) {
        this.classes = classes;
        this.units = units;
        this.currentUser = currentUser;
    }

    TrainingClass readable(long classId) {
        TrainingClass c = find(classId);
        PortalUser user = currentUser.require();
        if (!manages(user, c) && !teaches(user, c)) {
            throw new AccessDeniedException("Class outside the caller's scope");
        }
        return c;
    }

    TrainingClass manageable(long classId) {
        TrainingClass c = find(classId);
        if (!manages(currentUser.require(), c)) {
            throw new AccessDeniedException("Class outside the caller's scope");
        }
        return c;
    }

    /** Attendance may be taken by the class's trainers and by those who manage it. */
    TrainingClass attendanceTaker(long classId) {
        return readable(classId);
    }

    String unitPath(long unitId) {
        return units.findById(unitId).map(UnitSummary::path).orElseThrow(() -> new ValidationException("training.error.unit"));
    }

    private boolean manages(PortalUser user, TrainingClass c) {
        return (user.role() == Role.ADMIN || user.role() == Role.COORDINATOR) && user.manages(unitPath(c.getUnitId()));
    }

    private static boolean teaches(PortalUser user, TrainingClass c) {
        return user.role() == Role.TRAINER && c.getTrainerAccountIds().contains(user.accountId());
    }

    private TrainingClass find(long classId) {
        return classes.findById(classId).orElseThrow(() -> new ValidationException("training.error.classNotFound"));
    }
}
