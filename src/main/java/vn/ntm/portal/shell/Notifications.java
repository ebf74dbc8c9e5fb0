package vn.ntm.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import vn.ntm.portal.common.ValidationException;

/** Short confirmations and refusals, in the reader's language. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String messageKey, Object... arguments) {
        Notification.show(UI.getCurrent().getTranslation(messageKey, arguments), 4000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(ValidationException e) {
        Notification.show(UI.getCurrent().getTranslation(e.messageKey(), e.arguments()), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
