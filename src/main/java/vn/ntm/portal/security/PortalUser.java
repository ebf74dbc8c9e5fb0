package vn.ntm.portal.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

/**
 * The signed-in person. {@code unitPath} is the path of their administrative unit
 * (e.g. {@code /14/} for Sơn La); a coordinator's scope is that unit and everything under it.
 */
public final class PortalUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String fullName;
    private final Role role;
    private final @Nullable Long unitId;
    private final @Nullable String unitPath;
    private final boolean enabled;
    private @Nullable String passwordHash;

    public PortalUser(long accountId, String username, String fullName, Role role, @Nullable Long unitId,
                      @Nullable String unitPath, boolean enabled, @Nullable String passwordHash) {
        this.accountId = accountId;
        this.username = username;
        this.fullName = fullName;
        this.role = role;
        this.unitId = unitId;
        this.unitPath = unitPath;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public long accountId() {
        return accountId;
    }

    public String fullName() {
        return fullName;
    }

    public Role role() {
        return role;
    }

    public @Nullable Long unitId() {
        return unitId;
    }

    public @Nullable String unitPath() {
        return unitPath;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /**
     * The path prefix this person may manage: null (everything) for administrators, their unit's
     * path for coordinators. Other roles manage no unit, so they get a prefix that matches nothing.
     */
    public @Nullable String scopePath() {
        return switch (role) {
            case ADMIN -> null;
            case COORDINATOR -> unitPath != null ? unitPath : NOTHING;
            default -> NOTHING;
        };
    }

    /** True when the unit with this path lies within what this person manages. */
    public boolean manages(@Nullable String path) {
        String scope = scopePath();
        return scope == null || (path != null && path.startsWith(scope));
    }

    private static final String NOTHING = "#";

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortalUser other && other.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }
}
