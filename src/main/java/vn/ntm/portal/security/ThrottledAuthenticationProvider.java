package vn.ntm.portal.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks username or e-mail and password, refusing attempts while the {@link LoginThrottle} says so. Over-long
 * credentials are refused before anything else: no hashing, no throttle entry, nothing kept in memory.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    /** Longer than any login name (100), e-mail (255) or phone the portal stores. */
    static final int MAX_LOGIN_LENGTH = 255;
    /** Passwords are at most 128 characters (PasswordPolicy); bcrypt reads only the first 72 bytes anyway. */
    static final int MAX_PASSWORD_LENGTH = 256;

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final KnownDevices devices;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle, KnownDevices devices) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.devices = devices;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = String.valueOf(authentication.getName());
        Object credentials = authentication.getCredentials();
        if (login.length() > MAX_LOGIN_LENGTH || login.isBlank()
                || (credentials instanceof String password && password.length() > MAX_PASSWORD_LENGTH)) {
            throw new BadCredentialsException("Bad credentials");
        }
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        boolean known = devices.isKnown(login);
        if (throttle.isBlocked(login, address, known)) {
            throw new LoginThrottledException();
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.recordSuccess(login, address);
            devices.rememberAfterFormSignIn(login, result.getName());
            return result;
        } catch (AuthenticationException e) {
            throttle.recordFailure(login, address, known);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
