package vn.ntm.portal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The NTM training portal. Each top-level package below this one is a Spring Modulith module.
 */
@SpringBootApplication
@EnableAsync
// clicks and navigations go as HTTP requests (the server pushes over the WebSocket), so every one of them passes the
// security filters: a session whose account was disabled or moved ends at the next click (security.StaleSessionFilter)
@Push(transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/portal.css")
public class PortalApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }

    /**
     * Injected wherever "now" matters, so that tests can fix the time. Its zone is the portal's (portal.zone), not the
     * server's: "today" is the day in Vietnam, so a class that begins this morning counts from its first check-in even
     * on a server that keeps UTC, where the date changes at 07:00.
     */
    @Bean
    Clock clock(@Value("${portal.zone:Asia/Ho_Chi_Minh}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
