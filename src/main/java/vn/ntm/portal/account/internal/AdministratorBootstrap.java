package vn.ntm.portal.account.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.account.domain.Account;
import vn.ntm.portal.account.domain.AccountRepository;
import vn.ntm.portal.security.Role;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * On first start against an empty database, creates the administrator from PORTAL_ADMIN_USERNAME /
 * PORTAL_ADMIN_PASSWORD, or with a random password printed once in the log.
 */
@Component
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String username;
    private final String password;

    AdministratorBootstrap(AccountRepository accounts, PasswordEncoder encoder, Clock clock,
                           @Value("${portal.admin.username:}") String username,
                           @Value("${portal.admin.password:}") String password) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
        this.username = username.isBlank() ? "admin" : username.strip();
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        boolean generated = password.isBlank();
        String secret = generated ? randomPassword() : password;
        accounts.save(new Account(username, "Quản trị hệ thống", encoder.encode(secret), Role.ADMIN, clock.instant()));
        if (generated) {
            log.warn("Created administrator '{}' with the one-time password: {} (set PORTAL_ADMIN_PASSWORD to choose it)",
                    username, secret);
        } else {
            log.info("Created administrator '{}' from PORTAL_ADMIN_USERNAME / PORTAL_ADMIN_PASSWORD", username);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "7a";
    }
}
