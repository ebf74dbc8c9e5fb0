package vn.ntm.portal.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/**
 * Says what to do when the HTTP port is taken, most often by a portal started earlier; ahead of Spring Boot's own
 * analyzer, which speaks of "this application" and not of SERVER_PORT.
 */
class PortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        int port = cause.getPort();
        return new FailureAnalysis("""
                The portal cannot start: port %1$d is already used by another program (often a portal started earlier \
                that is still running).
                Cổng tập huấn không khởi động được: cổng %1$d đang được một chương trình khác sử dụng.""".formatted(port), """
                Stop the other program (`ss -ltnp 'sport = :%1$d'` shows which one), or start the portal on another port:
                    SERVER_PORT=%2$d ./mvnw spring-boot:run
                (for the jar or the service: SERVER_PORT=%2$d in its environment).""".formatted(port, port + 1), cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
