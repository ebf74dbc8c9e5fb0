package vn.ntm.portal.account;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.security.Role;

import java.time.Instant;

/** An account as lists and other modules see it; never carries the password hash. */
public record AccountSummary(long id, String username, String fullName, @Nullable String email, @Nullable String phone,
                             Role role, @Nullable Long unitId, @Nullable String unitName, @Nullable Long organisationId,
                             @Nullable TraineeLevel traineeLevel, boolean enabled, Instant createdAt) {
}
