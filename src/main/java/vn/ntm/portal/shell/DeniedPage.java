package vn.ntm.portal.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/**
 * A service refused the request while a page was opening, typically an id changed in the address to reach
 * another unit's class or person. The refusal comes from the service's scope check, this page only says so.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class DeniedPage extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    DeniedPage() {
        super("denied", "error.denied.title", "error.denied.message");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
