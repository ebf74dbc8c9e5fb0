package vn.ntm.portal.training;

public enum AttendanceSource {
    TRAINER, SELF_CHECK_IN, IMPORT
}
