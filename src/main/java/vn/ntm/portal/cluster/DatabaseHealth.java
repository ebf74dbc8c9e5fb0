package vn.ntm.portal.cluster;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * The database's part of {@code /actuator/health}, which load balancers and operators poll. Spring Boot's own check
 * asks the connection {@code isValid(0)}, which waits without limit: with a frozen database server the health
 * request hung as long as the freeze lasted instead of answering DOWN. Here the connection comes from the pool
 * (its own 3 s limit) and the check waits at most {@link #CHECK_SECONDS}.
 */
@Component("dbHealthIndicator")
class DatabaseHealth extends AbstractHealthIndicator {

    static final int CHECK_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseHealth(DataSource dataSource) {
        super("the database did not answer the health check");
        this.dataSource = dataSource;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(CHECK_SECONDS);
            (valid ? builder.up() : builder.down()).withDetail("database", connection.getMetaData().getDatabaseProductName())
                    .withDetail("validationQuery", "isValid(" + CHECK_SECONDS + ")");
        }
    }
}
