package vn.ntm.portal.account;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.security.Role;

/** An account that an administrator or coordinator creates for someone. */
public record NewAccount(String username, String fullName, @Nullable String email, @Nullable String phone, Role role,
                         @Nullable Long unitId, @Nullable Long organisationId, @Nullable TraineeLevel traineeLevel,
                         String password) {
}
