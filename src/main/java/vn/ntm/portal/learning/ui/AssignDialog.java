package vn.ntm.portal.learning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.learning.AssignmentService;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;
import vn.ntm.portal.unit.ui.UnitPicker;

/** Assigns a published module to the trainees of a unit in the coordinator's scope, optionally of one level. */
class AssignDialog extends Dialog {

    AssignDialog(AssignmentService assignments, UnitDirectory units, Runnable afterAssign) {
        setHeaderTitle(getTranslation("assign.title"));
        setWidth("min(40rem, 100vw)");
        ComboBox<ModuleSummary> module = new ComboBox<>(getTranslation("report.module"));
        module.setItems(q -> assignments.modules(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream(),
                q -> (int) assignments.countModules(q.getFilter().orElse("")));
        module.setItemLabelGenerator(ModuleSummary::title);
        module.setId("assign-module");
        ComboBox<UnitSummary> unit = UnitPicker.create(units, getTranslation("report.unit"));
        unit.setId("assign-unit");
        Select<TraineeLevel> level = new Select<>();
        level.setLabel(getTranslation("catalog.level"));
        level.setItems(TraineeLevel.values());
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("catalog.level.all"));
        level.setItemLabelGenerator(l -> l == null ? getTranslation("catalog.level.all") : getTranslation("traineeLevel." + l.name()));
        level.setId("assign-level");
        Paragraph help = new Paragraph(getTranslation("assign.help"));
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        FormLayout form = new FormLayout(module, unit, level);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(help, form, error);
        Button assign = new Button(getTranslation("assign.submit"), e -> {
            try {
                if (module.getValue() == null) {
                    throw new ValidationException("learning.error.assignModule");
                }
                int created = assignments.assign(module.getValue().id(), unit.getValue() == null ? null : unit.getValue().id(),
                        level.getValue());
                Notifications.success("assign.done", created, module.getValue().title());
                afterAssign.run();
                close();
            } catch (ValidationException invalid) {
                error.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
            }
        });
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.setId("assign-submit");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), assign);
    }
}
