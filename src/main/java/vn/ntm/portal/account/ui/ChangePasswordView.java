package vn.ntm.portal.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.shell.Notifications;

@Route("password")
@PageTitle("nav.password")
@Menu(title = "nav.password", order = 90, icon = "vaadin:key")
@PermitAll
class ChangePasswordView extends VerticalLayout {

    ChangePasswordView(AccountService accounts) {
        PasswordField current = new PasswordField(getTranslation("password.current"));
        current.setId("current-password");
        PasswordField next = new PasswordField(getTranslation("password.new"));
        next.setId("new-password");
        next.setHelperText(getTranslation("account.error.passwordPolicy", 8));
        PasswordField confirm = new PasswordField(getTranslation("register.confirm"));
        confirm.setId("confirm-password");
        Button save = new Button(getTranslation("password.save"), e -> {
            try {
                if (!next.getValue().equals(confirm.getValue())) {
                    throw new ValidationException("register.error.confirm");
                }
                accounts.changeOwnPassword(current.getValue(), next.getValue());
                current.clear();
                next.clear();
                confirm.clear();
                Notifications.success("password.changed");
            } catch (ValidationException invalid) {
                Notifications.error(invalid);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-password");
        FormLayout form = new FormLayout(current, next, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("24rem");
        add(form, save);
    }
}
