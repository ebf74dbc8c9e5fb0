package vn.ntm.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.ntm.portal.common.ValidationException;

/**
 * Sets each new UI's language and catches what a view did not: a refused request is shown as a clear
 * message in the reader's language, anything else as a generic one (the details go to the log).
 */
@Component
class ShellServiceInit implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ShellServiceInit.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            if (e.getUI().getSession().getAttribute(LOCALE_SET) == null) {
                e.getUI().getSession().setLocale(PortalLocales.chosen(VaadinRequest.getCurrent()));
                e.getUI().getSession().setAttribute(LOCALE_SET, Boolean.TRUE);
            }
            e.getUI().setLocale(e.getUI().getSession().getLocale());
            FrameworkTexts.apply(e.getUI());
        });
        FrameworkTexts.register(event);
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(ShellServiceInit::handle));
    }

    private static final String LOCALE_SET = "portal.localeSet";

    private static void handle(ErrorEvent event) {
        Throwable error = event.getThrowable();
        while (error.getCause() != null && !(error instanceof ValidationException) && !(error instanceof AccessDeniedException)) {
            error = error.getCause();
        }
        UI ui = UI.getCurrent();
        if (ui == null) {
            log.error("Unhandled error outside a UI", event.getThrowable());
            return;
        }
        String message;
        if (error instanceof ValidationException invalid) {
            message = ui.getTranslation(invalid.messageKey(), invalid.arguments());
        } else if (error instanceof AccessDeniedException) {
            message = ui.getTranslation("error.accessDenied");
        } else {
            log.error("Unhandled error in the UI", event.getThrowable());
            message = ui.getTranslation("error.unexpected");
        }
        ui.access(() -> Notification.show(message, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR));
    }
}
