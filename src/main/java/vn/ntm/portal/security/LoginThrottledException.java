package vn.ntm.portal.security;

import org.springframework.security.core.AuthenticationException;

import java.io.Serial;

/** Refuses a login attempt because too many recent attempts failed. */
public class LoginThrottledException extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    public LoginThrottledException() {
        super("Too many failed login attempts");
    }
}
