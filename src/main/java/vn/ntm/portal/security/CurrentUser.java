package vn.ntm.portal.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Who is signed in, for services that enforce scope. */
@Component
public class CurrentUser {

    public Optional<PortalUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public PortalUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** Refuses the call unless the unit with this path lies within the signed-in person's scope. */
    public void requireManages(String unitPath) {
        if (!require().manages(unitPath)) {
            throw new AccessDeniedException("Outside the caller's administrative unit");
        }
    }
}
