package vn.ntm.portal.training;

public enum ClassStatus {
    PLANNED, OPEN, RUNNING, FINISHED, CANCELLED
}
