package vn.ntm.portal.curriculum;

/** Trainees see and enrol in published modules only. */
public enum ModuleStatus {
    DRAFT,
    PUBLISHED
}
