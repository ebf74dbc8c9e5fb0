package vn.ntm.portal.account.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.domain.AccountRepository;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class AdministratorBootstrapTest {

    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        TestData.reset(jdbc);
    }

    @Test
    void firstStartCreatesTheAdministratorFromTheEnvironmentOnce() {
        AdministratorBootstrap bootstrap = new AdministratorBootstrap(accounts, encoder, Clock.systemUTC(), "quantri", "Bat-dau-2026");

        bootstrap.run(new DefaultApplicationArguments());
        bootstrap.run(new DefaultApplicationArguments());

        assertThat(accounts.count()).isEqualTo(1);
        var admin = accounts.findByLogin("quantri").orElseThrow();
        assertThat(admin.getRole().name()).isEqualTo("ADMIN");
        assertThat(encoder.matches("Bat-dau-2026", admin.getPasswordHash())).isTrue();
        assertThat(admin.getPasswordHash()).startsWith("{bcrypt}");
    }

    @Test
    void withoutAPasswordARandomOneIsChosen() {
        new AdministratorBootstrap(accounts, encoder, Clock.systemUTC(), "", "").run(new DefaultApplicationArguments());

        var admin = accounts.findByLogin("admin").orElseThrow();
        assertThat(encoder.matches("", admin.getPasswordHash())).isFalse();
        assertThat(admin.getPasswordHash()).startsWith("{bcrypt}");
    }
}
