package vn.ntm.portal.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

import java.util.function.Consumer;

/**
 * Tells a view whether it is shown on a phone-sized screen, at once and whenever the window is resized, so that a
 * grid can drop its secondary columns instead of pushing them off-screen (CSS cannot hide a grid's columns).
 */
public final class ScreenWidth {

    /** Below this width (CSS pixels) a screen counts as narrow: phones held upright, up to small tablets. */
    public static final int NARROW = 600;

    private ScreenWidth() {
    }

    /** Calls {@code narrow} with true or false while the component is attached, each time the answer may change. */
    public static void whenNarrow(Component component, Consumer<Boolean> narrow) {
        Registration[] resize = new Registration[1];
        component.addAttachListener((AttachEvent e) -> {
            UI ui = e.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> narrow.accept(details.getWindowInnerWidth() < NARROW));
            resize[0] = ui.getPage().addBrowserWindowResizeListener(r -> narrow.accept(r.getWidth() < NARROW));
        });
        component.addDetachListener(e -> {
            if (resize[0] != null) {
                resize[0].remove();
            }
        });
    }
}
