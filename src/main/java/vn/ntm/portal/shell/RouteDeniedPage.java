package vn.ntm.portal.shell;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A page whose role annotation excludes the signed-in person (Vaadin's own navigation check). */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class RouteDeniedPage extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    RouteDeniedPage() {
        super("denied", "error.denied.title", "error.denied.message");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
