package vn.ntm.portal.training;

public record CheckInBoard(SessionInfo session, String code, long secondsLeft, boolean open, long checkedIn, long enrolled,
                           long pendingWalkIns) {
}
