package vn.ntm.portal.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.NewAccount;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.unit.OrganisationService;
import vn.ntm.portal.unit.OrganisationSummary;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;
import vn.ntm.portal.unit.ui.UnitPicker;

/** Creates an account; the service refuses roles and units outside the creator's scope. */
class AccountDialog extends Dialog {

    AccountDialog(AccountService accounts, UnitDirectory units, OrganisationService organisations, Runnable afterSave) {
        setHeaderTitle(getTranslation("account.new"));
        setWidth("min(40rem, 100vw)");
        TextField username = new TextField(getTranslation("account.username"));
        username.setId("account-username");
        TextField fullName = new TextField(getTranslation("account.fullName"));
        fullName.setId("account-fullName");
        EmailField email = new EmailField(getTranslation("register.email"));
        TextField phone = new TextField(getTranslation("register.phone"));
        Select<Role> role = new Select<>();
        role.setLabel(getTranslation("account.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(Role.TRAINER);
        role.setId("account-role");
        ComboBox<UnitSummary> unit = UnitPicker.create(units, getTranslation("account.unit"));
        unit.setId("account-unit");
        ComboBox<OrganisationSummary> organisation = new ComboBox<>(getTranslation("account.organisation"));
        organisation.setItems(q -> organisations.list(q.getOffset(), q.getLimit()).stream());
        organisation.setItemLabelGenerator(OrganisationSummary::name);
        Select<TraineeLevel> level = new Select<>();
        level.setLabel(getTranslation("register.level"));
        level.setItems(TraineeLevel.values());
        level.setItemLabelGenerator(l -> l == null ? "" : getTranslation("traineeLevel." + l.name()));
        level.setEmptySelectionAllowed(true);
        PasswordField password = new PasswordField(getTranslation("register.password"));
        password.setId("account-password");
        password.setHelperText(getTranslation("account.error.passwordPolicy", 8));
        Paragraph error = new Paragraph();
        error.addClassName("form-error");

        FormLayout form = new FormLayout(username, fullName, email, phone, role, unit, organisation, level, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        add(form, error);

        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                accounts.create(new NewAccount(username.getValue(), fullName.getValue(), email.getValue(), phone.getValue(),
                        role.getValue(), unit.getValue() == null ? null : unit.getValue().id(),
                        organisation.getValue() == null ? null : organisation.getValue().id(), level.getValue(),
                        password.getValue()));
                Notifications.success("account.created", fullName.getValue());
                afterSave.run();
                close();
            } catch (ValidationException invalid) {
                error.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-account");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
