package vn.ntm.portal.startup;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An installer reads what went wrong and what to set, not a framework's generic message. */
class StartupFailureMessagesTest {

    @Test
    void jarWithoutDatabaseSaysWhichVariablesToSet() {
        FailureAnalysis analysis = new DatabaseNotConfiguredFailureAnalyzer()
                .analyze(new IllegalStateException(new DatabaseNotConfiguredException()));

        assertThat(analysis.getDescription()).contains("SPRING_DATASOURCE_URL is not set");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL=jdbc:mariadb://", "SPRING_DATASOURCE_USERNAME",
                "SPRING_FLYWAY_USER", "docs/INSTALL.md", "./mvnw spring-boot:run");
    }

    @Test
    void busyPortSaysHowToChooseAnother() {
        FailureAnalysis analysis = new PortInUseFailureAnalyzer().analyze(new PortInUseException(8080));

        assertThat(analysis.getDescription()).contains("port 8080 is already used by another program");
        assertThat(analysis.getAction()).contains("SERVER_PORT=8081 ./mvnw spring-boot:run");
    }

    @Test
    void portalMessagesComeBeforeSpringBootsOwn() {
        List<String> analyzers = SpringFactoriesLoader.loadFactoryNames(FailureAnalyzer.class, getClass().getClassLoader());
        assertThat(analyzers).contains(DatabaseNotConfiguredFailureAnalyzer.class.getName(),
                PortInUseFailureAnalyzer.class.getName(), "org.springframework.boot.web.server.PortInUseFailureAnalyzer");

        // Spring Boot's analyzers carry no order: they are sorted last
        Object unordered = new Object();
        assertThat(AnnotationAwareOrderComparator.INSTANCE.compare(new PortInUseFailureAnalyzer(), unordered)).isNegative();
    }
}
