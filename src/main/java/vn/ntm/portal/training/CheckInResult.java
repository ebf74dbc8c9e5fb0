package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;

public record CheckInResult(CheckInOutcome outcome, @Nullable String personName, @Nullable SessionInfo session) {
}
