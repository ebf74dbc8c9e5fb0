package vn.ntm.portal.security;

import org.jspecify.annotations.Nullable;

import java.util.Optional;

/** What an account is now in the database, for checking open sessions against it (implemented by the account module). */
public interface AccountStandings {

    /** Empty when the account no longer exists. */
    Optional<Standing> current(long accountId);

    record Standing(boolean enabled, Role role, @Nullable Long unitId, @Nullable String unitPath) {

        /** Whether a session signed in as this person may go on: same role and unit, still enabled. */
        boolean allows(PortalUser user) {
            return enabled && role == user.role() && java.util.Objects.equals(unitId, user.unitId())
                    && java.util.Objects.equals(unitPath, user.unitPath());
        }
    }
}
