package vn.ntm.portal.training.ui;

import vn.ntm.portal.shell.ComponentTexts;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
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
import org.springframework.dao.OptimisticLockingFailureException;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.common.ValidationException;
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

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Creates a class, or corrects one (the service refuses units outside the editor's scope and checks the trainers).
 * Esc and a click outside do not close it, so typed text is not lost by a slip; refusals are shown at their field.
 */
class ClassDialog extends Dialog {

    private final Map<String, HasValidation> fieldOfError = new HashMap<>();
    private final Paragraph error = new Paragraph();
    private final java.util.Set<HasValidation> marked = new java.util.HashSet<>();

    ClassDialog(ClassService classes, UnitDirectory units, OrganisationService organisations, AccountService accounts,
                @Nullable ClassSummary existing, Consumer<ClassSummary> afterSave) {
        setHeaderTitle(existing == null ? getTranslation("training.new") : getTranslation("training.edit.title", existing.code()));
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        setWidth("min(48rem, 100vw)");
        TextField code = new TextField(getTranslation("training.code"));
        code.setId("class-code");
        TextField title = new TextField(getTranslation("training.title"));
        title.setId("class-title");
        TextField programme = new TextField(getTranslation("training.programme"));
        programme.setId("class-programme");
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
        link.setId("class-link");
        topics.setId("class-topics");
        targetGroups.setId("class-target-groups");
        venue.setId("class-venue");
        DatePicker start = new DatePicker(getTranslation("training.startDate"));
        start.setId("class-start");
        DatePicker end = new DatePicker(getTranslation("training.endDate"));
        end.setId("class-end");
        ComponentTexts.localize(start);
        ComponentTexts.localize(end);
        IntegerField capacity = new IntegerField(getTranslation("training.capacity"));
        capacity.setId("class-capacity");
        TextField budget = new TextField(getTranslation("training.budget"));
        budget.setId("class-budget");
        Select<ClassStatus> status = select("training.status", ClassStatus.values(), "training.status.");
        status.setId("class-status");
        status.setValue(ClassStatus.PLANNED);
        IntegerField share = new IntegerField(getTranslation("training.completionShare"));
        share.setValue(80);
        MultiSelectComboBox<AccountSummary> trainers = new MultiSelectComboBox<>(getTranslation("training.trainers"));
        trainers.setId("class-trainers-field");
        // the editor's own trainers, fetched page by page as they type; those already on the class stay chosen
        // even when outside that list (the service keeps them)
        trainers.setItems(q -> accounts.assignableTrainers(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream(),
                        q -> (int) accounts.countAssignableTrainers(q.getFilter().orElse("")))
                .setIdentifierProvider(AccountSummary::id);
        trainers.setItemLabelGenerator(a -> a.unitName() == null ? a.fullName() : a.fullName() + " (" + a.unitName() + ")");

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
            // a later edit must not turn verdicts (and the certificates issued on them) unseen: the rule is changed
            // on the class page, whose dialog says how many completions change before applying
            share.setReadOnly(true);
            share.setHelperText(getTranslation("training.completionShareViaRule"));
            trainers.setValue(new LinkedHashSet<>(classes.trainersOf(existing.id())));
        }
        error.addClassName("form-error");
        error.setId("class-error");
        error.getElement().setAttribute("role", "alert");
        for (String key : List.of("training.error.code", "training.error.codeTaken")) {
            fieldOfError.put(key, code);
        }
        fieldOfError.put("training.error.title", title);
        fieldOfError.put("training.error.dates", end);
        fieldOfError.put("training.error.capacity", capacity);
        fieldOfError.put("training.error.budget", budget);
        fieldOfError.put("training.error.completionShare", share);
        fieldOfError.put("training.error.programmeTooLong", programme);
        fieldOfError.put("training.error.topicsTooLong", topics);
        fieldOfError.put("training.error.targetGroupsTooLong", targetGroups);
        fieldOfError.put("training.error.venueTooLong", venue);
        fieldOfError.put("training.error.meetingLink", link);
        fieldOfError.put("training.error.capacityTooLarge", capacity);
        fieldOfError.put("training.error.budgetTooLarge", budget);
        fieldOfError.put("training.error.datesOutOfRange", end);
        fieldOfError.put("training.error.unit", unit);
        for (String key : List.of("training.error.trainerUnknown", "training.error.trainerDisabled", "training.error.trainerOutsideScope")) {
            fieldOfError.put(key, trainers);
        }
        FormLayout form = new FormLayout(code, title, programme, topics, unit, organisation, level, targetGroups, mode, venue, link,
                start, end, capacity, budget, status, share, trainers);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        code.setRequiredIndicatorVisible(true);
        title.setRequiredIndicatorVisible(true);
        start.setRequiredIndicatorVisible(true);
        end.setRequiredIndicatorVisible(true);
        unit.setRequiredIndicatorVisible(true);
        // the summary of what is wrong stands above the form, where it is seen without scrolling
        add(error, form);
        Button save = new Button(getTranslation("action.save"), e -> {
            clearErrors();
            // everything missing at once, each at its field, rather than one refusal per try
            Map<HasValidation, String> missing = new java.util.LinkedHashMap<>();
            if (code.getValue().isBlank()) {
                missing.put(code, "training.error.code");
            }
            if (title.getValue().isBlank()) {
                missing.put(title, "training.error.title");
            }
            if (unit.getValue() == null) {
                missing.put(unit, "training.error.unit");
            }
            if (start.getValue() == null) {
                missing.put(start, "training.error.startDate");
            }
            if (end.getValue() == null) {
                missing.put(end, "training.error.endDate");
            }
            if (!missing.isEmpty()) {
                showMissing(missing);
                return;
            }
            try {
                ClassForm data = new ClassForm(code.getValue(), title.getValue(), blank(programme.getValue()), blank(topics.getValue()),
                        unit.getValue().id(), organisation.getValue() == null ? null : organisation.getValue().id(), level.getValue(),
                        blank(targetGroups.getValue()), mode.getValue(), blank(venue.getValue()), blank(link.getValue()),
                        start.getValue(), end.getValue(), capacity.getValue(), parseBudget(budget.getValue()), status.getValue(),
                        share.getValue() == null ? 0 : share.getValue(), trainers.getValue().stream().map(AccountSummary::id).toList());
                ClassSummary saved = existing == null ? classes.create(data) : classes.update(existing.id(), existing.version(), data);
                if (existing == null) {
                    Notifications.success("training.created", saved.code());
                } else {
                    Notifications.success("training.saved");
                }
                afterSave.accept(saved);
                close();
            } catch (ValidationException invalid) {
                show(invalid);
            } catch (OptimisticLockingFailureException stale) {
                // someone saved the class between our version check and the commit
                show(new ValidationException("training.error.changedMeanwhile"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-class");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void show(ValidationException invalid) {
        String message = getTranslation(invalid.messageKey(), invalid.arguments());
        HasValidation field = fieldOfError.get(invalid.messageKey());
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
            if (field instanceof Focusable<?> focusable) {
                focusable.focus();
            }
        }
        error.setText(message);
        Notifications.error(invalid);
    }

    /** Marks every field left empty, says how many above the form and in a notice, and puts the cursor in the first. */
    private void showMissing(Map<HasValidation, String> missing) {
        missing.forEach((field, key) -> {
            field.setErrorMessage(getTranslation(key));
            field.setInvalid(true);
            marked.add(field);
        });
        if (missing.keySet().iterator().next() instanceof Focusable<?> first) {
            first.focus();
        }
        ValidationException summary = new ValidationException("training.error.missing", missing.size());
        error.setText(getTranslation(summary.messageKey(), summary.arguments()));
        Notifications.error(summary);
    }

    private void clearErrors() {
        fieldOfError.values().forEach(f -> f.setInvalid(false));
        marked.forEach(f -> f.setInvalid(false));
        marked.clear();
        error.setText("");
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
