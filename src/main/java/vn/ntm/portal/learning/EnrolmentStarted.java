package vn.ntm.portal.learning;

/** Published when a trainee enrols in a module; moduleVersion is the edition they enrolled in. */
public record EnrolmentStarted(long enrolmentId, long accountId, long moduleId, int moduleVersion) {
}
