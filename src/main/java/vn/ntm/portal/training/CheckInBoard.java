package vn.ntm.portal.training;

import java.time.LocalDateTime;

/**
 * The trainer's check-in screen. {@code busiestDevice}: the most check-ins one phone (or one address without a
 * device cookie) made in this session, once that reaches the warning level, else 0; {@code refusedAttempts}: how
 * many requests the abuse limits turned away. Outside the check-in window ({@code open} false) there is no code to
 * show ({@code code} is empty): the board says when the window opens ({@code opensAt}) or that it has closed.
 */
public record CheckInBoard(SessionInfo session, String code, long secondsLeft, boolean open, long checkedIn, long enrolled,
                           long pendingWalkIns, int busiestDevice, long refusedAttempts, LocalDateTime opensAt,
                           LocalDateTime closesAt) {
}
