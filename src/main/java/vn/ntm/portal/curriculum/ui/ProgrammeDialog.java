package vn.ntm.portal.curriculum.ui;

import vn.ntm.portal.shell.ComponentTexts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.ProgrammeDraft;
import vn.ntm.portal.curriculum.ProgrammeStatus;
import vn.ntm.portal.curriculum.ProgrammeSummary;
import vn.ntm.portal.shell.Notifications;

import java.util.function.Consumer;

/** Creates or edits a programme with its legal basis (decision number and date), period and status. */
class ProgrammeDialog extends Dialog {

    ProgrammeDialog(CurriculumService curriculum, @Nullable ProgrammeSummary programme, Consumer<ProgrammeSummary> afterSave) {
        setHeaderTitle(getTranslation(programme == null ? "editor.programme.new" : "editor.programme.edit"));
        setWidth("min(44rem, 100vw)");
        TextField code = new TextField(getTranslation("editor.programme.code"));
        code.setId("programme-code");
        TextField title = new TextField(getTranslation("editor.title"));
        title.setId("programme-title");
        TextField decision = new TextField(getTranslation("editor.programme.decision"));
        decision.setPlaceholder("3360/QĐ-BNN-VPĐP");
        DatePicker decisionDate = new DatePicker(getTranslation("editor.programme.decisionDate"));
        ComponentTexts.localize(decisionDate);
        IntegerField from = new IntegerField(getTranslation("editor.programme.from"));
        IntegerField to = new IntegerField(getTranslation("editor.programme.to"));
        Select<ProgrammeStatus> status = new Select<>();
        status.setLabel(getTranslation("editor.status"));
        status.setItems(ProgrammeStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("programmeStatus." + s.name()));
        status.setValue(ProgrammeStatus.DRAFT);
        TextArea description = new TextArea(getTranslation("editor.description"));
        if (programme != null) {
            code.setValue(programme.code());
            code.setReadOnly(true);
            title.setValue(programme.title());
            decision.setValue(programme.decisionNumber() == null ? "" : programme.decisionNumber());
            decisionDate.setValue(programme.decisionDate());
            from.setValue(programme.periodFrom());
            to.setValue(programme.periodTo());
            status.setValue(programme.status());
            description.setValue(programme.description() == null ? "" : programme.description());
        }
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        FormLayout form = new FormLayout(code, status, title, decision, decisionDate, from, to, description);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(title, 2);
        form.setColspan(description, 2);
        add(form, error);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                ProgrammeDraft draft = new ProgrammeDraft(code.getValue(), title.getValue(), decision.getValue(),
                        decisionDate.getValue(), from.getValue(), to.getValue(), status.getValue(), description.getValue());
                ProgrammeSummary saved = programme == null ? curriculum.createProgramme(draft)
                        : curriculum.updateProgramme(programme.id(), draft);
                Notifications.success("editor.saved");
                afterSave.accept(saved);
                close();
            } catch (ValidationException invalid) {
                error.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-programme");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
