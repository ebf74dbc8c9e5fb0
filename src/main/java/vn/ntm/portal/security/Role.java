package vn.ntm.portal.security;

/** What a person may do in the portal. */
public enum Role {
    ADMIN,
    /** Works for a coordination office; sees and manages one administrative unit and everything under it. */
    COORDINATOR,
    TRAINER,
    TRAINEE;

    public String authority() {
        return "ROLE_" + name();
    }
}
