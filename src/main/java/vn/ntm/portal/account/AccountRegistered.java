package vn.ntm.portal.account;

import vn.ntm.portal.security.Role;

/** Published when an account is created, by self-registration or by an administrator. */
public record AccountRegistered(long accountId, Role role, boolean selfRegistered) {
}
