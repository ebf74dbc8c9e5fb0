package vn.ntm.portal.learning;

import java.time.LocalDate;

/** Published when a trainee has done every required lesson of a module: what certificates and reports count. */
public record ModuleCompleted(long enrolmentId, long accountId, long moduleId, int moduleVersion, LocalDate completedOn) {
}
