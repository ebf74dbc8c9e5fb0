package vn.ntm.portal.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;
import vn.ntm.portal.unit.ui.UnitPicker;

/** Moves an account to another unit: for a coordinator, this sets what they may see and manage. */
class AccountUnitDialog extends Dialog {

    AccountUnitDialog(AccountService accounts, UnitDirectory units, AccountSummary account, Runnable afterSave) {
        setHeaderTitle(getTranslation("account.changeUnit"));
        Paragraph who = new Paragraph(getTranslation("account.changeUnit.for", account.fullName(),
                account.unitName() == null ? "—" : account.unitName()));
        ComboBox<UnitSummary> unit = UnitPicker.create(units, getTranslation("account.unit"));
        unit.setWidthFull();
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        add(who, unit, error);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                if (unit.getValue() == null) {
                    throw new ValidationException("account.error.unitRequired");
                }
                accounts.assignUnit(account.id(), unit.getValue().id());
                Notifications.success("account.unitChanged", account.fullName(), unit.getValue().name());
                afterSave.run();
                close();
            } catch (ValidationException invalid) {
                error.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
