package vn.ntm.portal.learning;

/** Enrolments and completions of one module among the trainees within a coordinator's scope. */
public record ModuleFigures(long moduleId, String title, long enrolments, long completions) {
}
