package vn.ntm.portal.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which variables to set when the jar is started without a database. */
class DatabaseNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseNotConfiguredException cause) {
        return new FailureAnalysis("""
                The portal has no database: SPRING_DATASOURCE_URL is not set.
                Cổng tập huấn chưa có cơ sở dữ liệu: chưa đặt biến môi trường SPRING_DATASOURCE_URL.""", """
                Set these in the portal's environment (for the systemd service of docs/INSTALL.md: /etc/ntm-portal/portal.env):
                    SPRING_DATASOURCE_URL=jdbc:mariadb://<database server>:3306/ntm
                    SPRING_DATASOURCE_USERNAME=ntm_app        SPRING_DATASOURCE_PASSWORD=<the application account's password>
                    SPRING_FLYWAY_USER=ntm_migrate            SPRING_FLYWAY_PASSWORD=<the schema owner's password>
                    PORTAL_DATABASE_APP_ACCOUNT="'ntm_app'@'<this server's address>'"
                The SQL that creates the database and the two accounts is in docs/INSTALL.md.
                To try the portal without a database server, run ./mvnw spring-boot:run in the source folder instead:
                the jar does not contain the quick start's embedded database.""", cause);
    }
}
