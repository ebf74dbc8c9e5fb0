package vn.ntm.portal.training;

/**
 * The trainer's check-in screen. {@code busiestDevice}: the most check-ins one phone (or one address without a
 * device cookie) made in this session, once that reaches the warning level, else 0; {@code refusedAttempts}: how
 * many requests the abuse limits turned away.
 */
public record CheckInBoard(SessionInfo session, String code, long secondsLeft, boolean open, long checkedIn, long enrolled,
                           long pendingWalkIns, int busiestDevice, long refusedAttempts) {
}
