package vn.ntm.portal.training;

public enum EnrolmentRequestStatus {
    PENDING, APPROVED, WAITLISTED, DECLINED
}
