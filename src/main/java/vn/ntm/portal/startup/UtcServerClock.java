package vn.ntm.portal.startup;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.time.ZoneOffset;
import java.util.TimeZone;

/**
 * Runs the portal's JVM in UTC whatever zone the server keeps. Stored instants are written as UTC by two paths
 * (Hibernate with hibernate.jdbc.time_zone=UTC, JdbcTemplate through the JVM's zone), and session times go through
 * the JVM's zone too: on a machine kept in Vietnam time the two disagreed, and a session of 07:30 was read back as
 * 15:30, so that no one could check in. "Today" and every date shown are the portal's zone (portal.zone), through
 * the Clock bean, never the JVM's. The database session is put in UTC as well (sessionVariables in
 * application.properties), so that its own NOW() and date() agree.
 */
public class UtcServerClock implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
