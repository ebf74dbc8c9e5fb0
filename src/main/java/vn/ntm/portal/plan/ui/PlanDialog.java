package vn.ntm.portal.plan.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.plan.PlanForm;
import vn.ntm.portal.plan.PlanLine;
import vn.ntm.portal.plan.PlanService;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;
import vn.ntm.portal.unit.ui.UnitPicker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Adds or changes one row of a plan; Esc does not close it (typed figures are kept), refusals show at their field. */
class PlanDialog extends Dialog {

    private final Map<String, HasValidation> fieldOfError = new HashMap<>();
    private final Paragraph error = new Paragraph();

    PlanDialog(PlanService plans, UnitDirectory units, @Nullable PlanLine existing, Runnable afterChange) {
        setHeaderTitle(getTranslation(existing == null ? "plan.add" : "plan.edit"));
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        setWidth("min(40rem, 100vw)");
        ComboBox<UnitSummary> unit = UnitPicker.create(units, getTranslation("plan.unit"));
        unit.setId("plan-unit");
        IntegerField year = new IntegerField(getTranslation("plan.year"));
        year.setId("plan-year");
        year.setValue(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
        Select<OrganisingLevel> organising = new Select<>();
        organising.setLabel(getTranslation("plan.organisingLevel"));
        organising.setItems(OrganisingLevel.values());
        organising.setItemLabelGenerator(l -> getTranslation("training.level." + l.name()));
        organising.setValue(OrganisingLevel.PROVINCE);
        organising.setId("plan-organising-level");
        Select<String> trainees = new Select<>();
        trainees.setLabel(getTranslation("plan.traineeLevel"));
        List<String> levels = new ArrayList<>(List.of(""));
        Arrays.stream(TraineeLevel.values()).map(Enum::name).forEach(levels::add);
        trainees.setItems(levels);
        trainees.setItemLabelGenerator(l -> l.isEmpty() ? getTranslation("plan.allTrainees") : getTranslation("traineeLevel." + l));
        trainees.setValue("");
        trainees.setId("plan-trainee-level");
        IntegerField classes = new IntegerField(getTranslation("plan.classes"));
        classes.setId("plan-classes");
        IntegerField participations = new IntegerField(getTranslation("plan.participations"));
        participations.setId("plan-participations");
        TextField budget = new TextField(getTranslation("plan.budget"));
        budget.setId("plan-budget");
        if (existing != null) {
            units.findById(existing.unitId()).ifPresent(unit::setValue);
            year.setValue(existing.year());
            organising.setValue(existing.organisingLevel());
            trainees.setValue(existing.traineeLevel() == null ? "" : existing.traineeLevel().name());
            classes.setValue(existing.plannedClasses());
            participations.setValue(existing.plannedParticipations());
            budget.setValue(PlansView.number(existing.plannedBudgetVnd()));
        }
        fieldOfError.put("plan.error.unit", unit);
        fieldOfError.put("plan.error.year", year);
        fieldOfError.put("plan.error.classes", classes);
        fieldOfError.put("plan.error.participations", participations);
        fieldOfError.put("plan.error.budget", budget);
        fieldOfError.put("plan.error.duplicate", trainees);
        error.addClassName("form-error");
        error.setId("plan-error");
        FormLayout form = new FormLayout(unit, year, organising, trainees, classes, participations, budget);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        add(form, error);

        Button save = new Button(getTranslation("action.save"), e -> {
            fieldOfError.values().forEach(f -> f.setInvalid(false));
            error.setText("");
            try {
                if (unit.getValue() == null) {
                    throw new ValidationException("plan.error.unit");
                }
                if (year.getValue() == null) {
                    throw new ValidationException("plan.error.year");
                }
                PlanForm data = new PlanForm(unit.getValue().id(), year.getValue(), organising.getValue(),
                        trainees.getValue().isEmpty() ? null : TraineeLevel.valueOf(trainees.getValue()),
                        required(classes.getValue(), "plan.error.classes"), required(participations.getValue(), "plan.error.participations"),
                        budget(budget.getValue()));
                plans.save(existing == null ? null : existing.id(), existing == null ? 0 : existing.version(), data);
                Notifications.success("plan.saved");
                afterChange.run();
                close();
            } catch (ValidationException invalid) {
                show(invalid);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-plan");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()));
        if (existing != null) {
            Button delete = new Button(getTranslation("plan.delete"), e -> {
                try {
                    plans.delete(existing.id(), existing.version());
                    Notifications.success("plan.deleted");
                    afterChange.run();
                    close();
                } catch (ValidationException invalid) {
                    show(invalid);
                }
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.setId("delete-plan");
            getFooter().add(delete);
        }
        getFooter().add(save);
    }

    private void show(ValidationException invalid) {
        String message = getTranslation(invalid.messageKey(), invalid.arguments());
        HasValidation field = fieldOfError.get(invalid.messageKey());
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
        error.setText(message);
    }

    private static int required(@Nullable Integer value, String errorKey) {
        if (value == null) {
            throw new ValidationException(errorKey);
        }
        return value;
    }

    private static long budget(String text) {
        String digits = text == null ? "" : text.replaceAll("[\\s.,]", "");
        if (digits.isEmpty()) {
            return 0;
        }
        if (!digits.matches("\\d{1,18}")) {
            throw new ValidationException("plan.error.budget");
        }
        return Long.parseLong(digits);
    }
}
