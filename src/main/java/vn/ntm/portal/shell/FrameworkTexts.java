package vn.ntm.portal.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.internal.AnnotationReader;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;

import java.util.List;
import java.util.Locale;

/**
 * What Vaadin itself would say in English, said in the reader's language: the document's {@code lang} (screen readers
 * pick their voice by it), the tab title (views name a translation key in {@code @PageTitle}), the reconnect banner,
 * the session-expired and cookies messages, and the built-in texts of components ({@link ComponentTexts}).
 */
final class FrameworkTexts {

    private FrameworkTexts() {
    }

    /** Once per service: the page every route starts from, and the framework's own messages. */
    static void register(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        java.util.concurrent.atomic.AtomicReference<I18NProvider> provider = new java.util.concurrent.atomic.AtomicReference<>();
        event.addIndexHtmlRequestListener(response -> response.getDocument().selectFirst("html")
                .attr("lang", PortalLocales.chosen(response.getVaadinRequest()).getLanguage()));
        service.setSystemMessagesProvider(info -> {
            Locale locale = info.getRequest() != null ? PortalLocales.chosen(info.getRequest())
                    : PortalLocales.matching(info.getLocale());
            // kept from the first look-up: when the portal stops, Vaadin closes the open UIs after Spring's context
            // is closed, and asking the context then ended every stop with a stack trace
            I18NProvider texts = provider.updateAndGet(p -> p != null ? p : service.getInstantiator().getI18NProvider());
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredCaption(texts.getTranslation("system.sessionExpired.caption", locale));
            messages.setSessionExpiredMessage(texts.getTranslation("system.sessionExpired.message", locale));
            messages.setCookiesDisabledCaption(texts.getTranslation("system.cookies.caption", locale));
            messages.setCookiesDisabledMessage(texts.getTranslation("system.cookies.message", locale));
            messages.setInternalErrorCaption(texts.getTranslation("system.internalError.caption", locale));
            messages.setInternalErrorMessage(texts.getTranslation("system.internalError.message", locale));
            messages.setSyncErrorCaption(texts.getTranslation("system.syncError.caption", locale));
            messages.setSyncErrorMessage(texts.getTranslation("system.syncError.message", locale));
            return messages;
        });
    }

    /** Once per UI, after its language is set. */
    static void apply(UI ui) {
        ui.getReconnectDialogConfiguration().setDialogText(ui.getTranslation("system.reconnecting"));
        ui.getReconnectDialogConfiguration().setDialogTextGaveUp(ui.getTranslation("system.offline"));
        ui.getPage().executeJs("document.documentElement.lang = $0", ui.getLocale().getLanguage());
        ui.addAfterNavigationListener(navigation -> {
            ComponentTexts.localize(ui);
            markMain(ui);
            // the router sets the title from @PageTitle after this listener, as the bare key; replace it before the response
            ui.beforeClientResponse(ui, context -> translatedTitle(ui));
        });
    }

    /** The page's own content is the document's main landmark (one per page), for screen readers' "skip to main". */
    private static void markMain(UI ui) {
        List<com.vaadin.flow.component.HasElement> chain = ui.getInternals().getActiveRouterTargetsChain();
        if (!chain.isEmpty()) {
            com.vaadin.flow.dom.Element content = chain.getFirst().getElement();
            if (!content.hasAttribute("role")) {
                content.setAttribute("role", "main");
            }
        }
    }

    private static void translatedTitle(UI ui) {
        List<com.vaadin.flow.component.HasElement> chain = ui.getInternals().getActiveRouterTargetsChain();
        if (chain.isEmpty() || chain.stream().anyMatch(HasDynamicTitle.class::isInstance)) {
            return;
        }
        Component target = (Component) chain.getFirst();
        AnnotationReader.getAnnotationFor(target.getClass(), PageTitle.class).ifPresent(title -> {
            String key = title.value();
            String text = ui.getTranslation(key);
            ui.getPage().setTitle(text.contains(key) ? key : text + " · " + ui.getTranslation("app.name"));
        });
    }
}
