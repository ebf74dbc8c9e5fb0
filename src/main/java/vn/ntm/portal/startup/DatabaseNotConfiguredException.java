package vn.ntm.portal.startup;

/**
 * The portal was started without a database: no {@code SPRING_DATASOURCE_URL}, and no embedded MariaDB to fall back
 * on (the production jar leaves it out). Thrown while the configuration is read, before anything slow starts.
 */
public class DatabaseNotConfiguredException extends RuntimeException {

    public DatabaseNotConfiguredException() {
        super("No database configured: SPRING_DATASOURCE_URL is not set");
    }
}
