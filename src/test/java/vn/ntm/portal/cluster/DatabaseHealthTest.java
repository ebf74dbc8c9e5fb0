package vn.ntm.portal.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.portal.embeddeddb.EmbeddedMariaDb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The load balancer polls {@code /actuator/health}; when the database server freezes, the poll must come back DOWN
 * within seconds so the node is taken out, not hang for as long as the freeze lasts. Spring Boot's own check waited
 * without limit whenever the pool handed it a connection used a moment before (the pool then skips its own check),
 * which on a busy node is most of the time.
 */
@SpringBootTest
class DatabaseHealthTest {

    @Autowired
    HealthIndicator dbHealthIndicator;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theHealthCheckOfAFrozenDatabaseAnswersDownWithinSecondsOnAConnectionJustUsed() throws Exception {
        assumeTrue(EmbeddedMariaDb.running().isPresent(), "freezes the embedded MariaDB process");
        assertThat(dbHealthIndicator).isInstanceOf(DatabaseHealth.class);
        EmbeddedMariaDb db = EmbeddedMariaDb.running().orElseThrow();
        String pid = Files.readString(Path.of(jdbc.queryForObject("select @@pid_file", String.class))).strip();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(EmbeddedMariaDb.APPLICATION);
        config.setPassword(db.applicationPassword());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(3000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DatabaseHealth health = new DatabaseHealth(pool);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            new JdbcTemplate(pool).queryForObject("select 1", Integer.class); // the pool's one connection, just used
            signal("STOP", pid);
            long started = System.nanoTime();
            Health answer;
            try {
                answer = CompletableFuture.supplyAsync(health::health).get(20, TimeUnit.SECONDS);
            } finally {
                signal("CONT", pid);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
            assertThat(took).isLessThan(Duration.ofSeconds(DatabaseHealth.CHECK_SECONDS + 4));
        }
    }

    private static void signal(String signal, String pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor()).isZero();
    }
}
