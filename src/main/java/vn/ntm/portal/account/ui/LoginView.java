package vn.ntm.portal.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.WebAttributes;
import vn.ntm.portal.security.LoginNameMemory;
import vn.ntm.portal.security.LoginThrottle;
import vn.ntm.portal.security.LoginThrottledException;
import vn.ntm.portal.shell.LanguageSelect;

/**
 * Sign-in by login name, e-mail or phone. Every failure reads the same, so the page never tells whether
 * an account exists; only throttling has its own message.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("login.title")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final LoginThrottle throttle;

    LoginView(LoginThrottle throttle) {
        this.throttle = throttle;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("login-title");
        Paragraph tagline = new Paragraph(getTranslation("app.tagline"));
        form.setAction("login");
        form.setI18n(i18n(getTranslation("login.error.message")));
        form.setForgotPasswordButtonVisible(false);
        Anchor register = new Anchor("register", getTranslation("login.register"));
        register.setId("register-link");
        add(new LanguageSelect(), title, tagline, form, new Div(register));
    }

    private LoginI18n i18n(String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(errorMessage);
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("registered")) {
            Paragraph registered = new Paragraph(getTranslation("login.registeredReceived"));
            registered.addClassName("form-success");
            registered.setId("registered");
            addComponentAtIndex(3, registered);
        }
        if (params.containsKey("error")) {
            String message = lastFailureWasThrottled()
                    ? getTranslation("login.error.throttled", throttle.lockMinutes())
                    : getTranslation("login.error.message");
            form.setI18n(i18n(message));
            form.setError(true);
            String typed = LoginNameMemory.lastTried(currentSession());
            if (typed != null) {
                keepLoginName(typed);
            }
        }
    }

    /**
     * Gives back the login name the person typed before the failed try, and puts the cursor in the password: the
     * form has no Java API for its fields, so the browser fills the light-DOM field once the form has rendered.
     */
    private void keepLoginName(String typed) {
        form.getElement().executeJs("""
                const form = this;
                customElements.whenDefined('vaadin-login-form').then(() => form.updateComplete).then(() => {
                  const name = form.querySelector('vaadin-text-field[name="username"]');
                  if (name && !name.value) {
                    name.value = $0;
                    const password = form.querySelector('vaadin-password-field');
                    if (password) { password.focus(); }
                  }
                });""", typed);
    }

    private static @org.jspecify.annotations.Nullable HttpSession currentSession() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request == null ? null : request.getHttpServletRequest().getSession(false);
    }

    private static boolean lastFailureWasThrottled() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getHttpServletRequest().getSession(false);
        return session != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LoginThrottledException;
    }
}
