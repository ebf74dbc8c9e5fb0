package vn.ntm.portal.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.unit.OrganisationService;
import vn.ntm.portal.unit.OrganisationSummary;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;
import vn.ntm.portal.unit.ui.UnitPicker;

import java.util.List;
import java.util.function.Consumer;

/** Creates a class, or edits one (the service refuses units outside the editor's scope). */
class ClassDialog extends Dialog {

    ClassDialog(ClassService classes, UnitDirectory units, OrganisationService organisations, AccountService accounts,
                @Nullable ClassSummary existing, Consumer<ClassSummary> afterSave) {
        setHeaderTitle(getTranslation(existing == null ? "training.new" : "training.saved"));
        setWidth("min(48rem, 100vw)");
        TextField code = new TextField(getTranslation("training.code"));
        code.setId("class-code");
        TextField title = new TextField(getTranslation("training.title"));
        title.setId("class-title");
        TextField programme = new TextField(getTranslation("training.programme"));
        TextField topics = new TextField(getTranslation("training.topics"));
        ComboBox<UnitSummary> unit = UnitPicker.create(units, getTranslation("training.unit"));
        unit.setId("class-unit");
        ComboBox<OrganisationSummary> organisation = new ComboBox<>(getTranslation("account.organisation"));
        organisation.setItems(q -> organisations.list(q.getOffset(), q.getLimit()).stream());
        organisation.setItemLabelGenerator(OrganisationSummary::name);
        Select<OrganisingLevel> level = select("training.organisingLevel", OrganisingLevel.values(), "training.level.");
        level.setValue(OrganisingLevel.PROVINCE);
        TextField targetGroups = new TextField(getTranslation("training.targetGroups"));
        Select<DeliveryMode> mode = select("training.mode", DeliveryMode.values(), "training.mode.");
        mode.setValue(DeliveryMode.IN_PERSON);
        TextField venue = new TextField(getTranslation("training.venue"));
        TextField link = new TextField(getTranslation("training.meetingLink"));
        DatePicker start = new DatePicker(getTranslation("training.startDate"));
        start.setId("class-start");
        DatePicker end = new DatePicker(getTranslation("training.endDate"));
        end.setId("class-end");
        IntegerField capacity = new IntegerField(getTranslation("training.capacity"));
        TextField budget = new TextField(getTranslation("training.budget"));
        Select<ClassStatus> status = select("training.status", ClassStatus.values(), "training.status.");
        status.setValue(ClassStatus.PLANNED);
        IntegerField share = new IntegerField(getTranslation("training.completionShare"));
        share.setValue(80);
        MultiSelectComboBox<AccountSummary> trainers = new MultiSelectComboBox<>(getTranslation("training.trainers"));
        List<AccountSummary> trainerAccounts = accounts.list("", 0, 500).stream().filter(a -> a.role() == Role.TRAINER).toList();
        trainers.setItems(trainerAccounts);
        trainers.setItemLabelGenerator(AccountSummary::fullName);

        if (existing != null) {
            code.setValue(existing.code());
            title.setValue(existing.title());
            programme.setValue(existing.programme() == null ? "" : existing.programme());
            topics.setValue(existing.topics() == null ? "" : existing.topics());
            units.findById(existing.unitId()).ifPresent(unit::setValue);
            level.setValue(existing.organisingLevel());
            targetGroups.setValue(existing.targetGroups() == null ? "" : existing.targetGroups());
            mode.setValue(existing.mode());
            venue.setValue(existing.venue() == null ? "" : existing.venue());
            link.setValue(existing.meetingLink() == null ? "" : existing.meetingLink());
            start.setValue(existing.startDate());
            end.setValue(existing.endDate());
            capacity.setValue(existing.capacity());
            budget.setValue(existing.budgetVnd() == null ? "" : String.valueOf(existing.budgetVnd()));
            status.setValue(existing.status());
            share.setValue(existing.completionShare());
            trainers.setValue(trainerAccounts.stream().filter(a -> existing.trainerAccountIds().contains(a.id())).toList());
        }
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        FormLayout form = new FormLayout(code, title, programme, topics, unit, organisation, level, targetGroups, mode, venue, link,
                start, end, capacity, budget, status, share, trainers);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        add(form, error);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                if (unit.getValue() == null) {
                    throw new ValidationException("training.error.unit");
                }
                if (start.getValue() == null || end.getValue() == null) {
                    throw new ValidationException("training.error.dates");
                }
                ClassForm data = new ClassForm(code.getValue(), title.getValue(), blank(programme.getValue()), blank(topics.getValue()),
                        unit.getValue().id(), organisation.getValue() == null ? null : organisation.getValue().id(), level.getValue(),
                        blank(targetGroups.getValue()), mode.getValue(), blank(venue.getValue()), blank(link.getValue()),
                        start.getValue(), end.getValue(), capacity.getValue(), parseBudget(budget.getValue()), status.getValue(),
                        share.getValue() == null ? 0 : share.getValue(), trainers.getValue().stream().map(AccountSummary::id).toList());
                ClassSummary saved = existing == null ? classes.create(data) : classes.update(existing.id(), existing.version(), data);
                Notifications.success("training.created", saved.code());
                afterSave.accept(saved);
                close();
            } catch (ValidationException invalid) {
                error.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-class");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private <T extends Enum<T>> Select<T> select(String labelKey, T[] values, String itemPrefix) {
        Select<T> select = new Select<>();
        select.setLabel(getTranslation(labelKey));
        select.setItems(values);
        select.setItemLabelGenerator(v -> getTranslation(itemPrefix + v.name()));
        return select;
    }

    private static @Nullable String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable Long parseBudget(String text) {
        String digits = text == null ? "" : text.replaceAll("[\\s.,]", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (!digits.matches("\\d{1,15}")) {
            throw new ValidationException("training.error.budget");
        }
        return Long.parseLong(digits);
    }

}
