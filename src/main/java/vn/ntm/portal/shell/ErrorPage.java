package vn.ntm.portal.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * What a person sees instead of a page they may not open, or that does not exist: a sentence in their
 * language and a way home, never a stack trace. The {@code data-outcome} attribute lets the
 * authorization matrix test tell a refusal from a page that rendered.
 */
abstract class ErrorPage extends VerticalLayout implements HasDynamicTitle {

    private final String titleKey;

    ErrorPage(String outcome, String titleKey, String messageKey) {
        this.titleKey = titleKey;
        getElement().setAttribute("data-outcome", outcome);
        addClassName("error-page");
        H2 title = new H2(getTranslation(titleKey));
        Paragraph message = new Paragraph(getTranslation(messageKey));
        Anchor home = new Anchor("", getTranslation("error.goHome"));
        add(title, message, home);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
