package vn.ntm.portal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;

import java.time.Clock;

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

    /** Injected wherever "now" matters, so that tests can fix the time. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
