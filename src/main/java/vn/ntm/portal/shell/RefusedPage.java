package vn.ntm.portal.shell;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import vn.ntm.portal.common.ValidationException;

/**
 * A page that could not open for a reason the service explains (a draft module, a closed class...):
 * the explanation is shown as the page, in the reader's language.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class RefusedPage extends ErrorPage implements HasErrorParameter<ValidationException> {

    private final Paragraph reason = new Paragraph();

    RefusedPage() {
        super("refused", "error.refused.title", "error.refused.message");
        reason.addClassName("refusal-reason");
        add(reason);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ValidationException> parameter) {
        ValidationException refusal = parameter.getException();
        reason.setText(getTranslation(refusal.messageKey(), refusal.arguments()));
        return HttpServletResponse.SC_BAD_REQUEST;
    }
}
