package vn.ntm.portal.account;

import vn.ntm.portal.common.ValidationException;

/** At least 8 characters with a letter and a digit: strong enough, short enough to type on a phone. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;

    private PasswordPolicy() {
    }

    static void check(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > 128
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw new ValidationException("account.error.passwordPolicy", MIN_LENGTH);
        }
    }
}
