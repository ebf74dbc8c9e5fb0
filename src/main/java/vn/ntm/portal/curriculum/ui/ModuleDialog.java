package vn.ntm.portal.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.ModuleAudience;
import vn.ntm.portal.curriculum.ModuleDraft;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.curriculum.TopicSummary;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

import java.util.List;
import java.util.function.Consumer;

/**
 * Creates or edits a module: its topic, title, summary, target trainee levels and who may see it (everyone, or the
 * trainees of chosen units and the units below them; administrators choose the units).
 */
class ModuleDialog extends Dialog {

    ModuleDialog(CurriculumService curriculum, UnitDirectory units, boolean admin, long programmeId, @Nullable ModuleSummary module,
                 Consumer<ModuleSummary> afterSave) {
        setHeaderTitle(getTranslation(module == null ? "editor.module.new" : "editor.module.edit"));
        setWidth("min(40rem, 100vw)");
        List<TopicSummary> topics = curriculum.topics(programmeId);
        Select<TopicSummary> topic = new Select<>();
        topic.setLabel(getTranslation("editor.topic"));
        topic.setItems(topics);
        topic.setItemLabelGenerator(t -> t.number() + ". " + t.title());
        topic.setId("module-topic");
        TextField title = new TextField(getTranslation("editor.title"));
        title.setId("module-title-field");
        TextArea summary = new TextArea(getTranslation("editor.module.summary"));
        CheckboxGroup<TraineeLevel> levels = new CheckboxGroup<>(getTranslation("editor.module.levels"));
        levels.setItems(TraineeLevel.values());
        levels.setItemLabelGenerator(l -> getTranslation("traineeLevel." + l.name()));
        levels.setId("module-levels");
        RadioButtonGroup<ModuleAudience> audience = new RadioButtonGroup<>(getTranslation("editor.module.audience"));
        audience.setItems(ModuleAudience.values());
        audience.setItemLabelGenerator(a -> getTranslation("moduleAudience." + a.name()));
        audience.setValue(ModuleAudience.EVERYONE);
        audience.setId("module-audience");
        MultiSelectComboBox<UnitSummary> openTo = new MultiSelectComboBox<>(getTranslation("editor.module.units"));
        openTo.setItemLabelGenerator(u -> getTranslation("unit.kind." + u.kind().name()) + " " + u.name() + " (" + u.code() + ")");
        openTo.setHelperText(getTranslation("editor.module.unitsHelp"));
        openTo.setId("module-units");
        openTo.setWidthFull();
        java.util.Set<UnitSummary> current = module == null ? java.util.Set.of() : module.unitIds().stream().map(units::findById)
                .flatMap(java.util.Optional::stream).collect(java.util.stream.Collectors.toSet());
        if (admin) {
            openTo.setItems(q -> units.search(null, q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream(),
                    q -> (int) units.count(null, q.getFilter().orElse("")));
        } else {
            openTo.setItems(current);
        }
        audience.addValueChangeListener(e -> openTo.setVisible(e.getValue() == ModuleAudience.UNITS));
        openTo.setVisible(false);
        if (module != null) {
            topics.stream().filter(t -> t.id() == module.topicId()).findFirst().ifPresent(topic::setValue);
            title.setValue(module.title());
            summary.setValue(module.summary() == null ? "" : module.summary());
            levels.setValue(module.levels());
            audience.setValue(module.audience());
            openTo.setValue(current);
        }
        audience.setReadOnly(!admin);
        openTo.setReadOnly(!admin);
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.setId("module-error");
        FormLayout form = new FormLayout(topic, title, summary, levels, audience, openTo);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, error);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                ModuleDraft draft = new ModuleDraft(topic.getValue() == null ? null : topic.getValue().id(), title.getValue(),
                        summary.getValue(), levels.getValue(), audience.getValue(),
                        openTo.getValue().stream().map(UnitSummary::id).collect(java.util.stream.Collectors.toSet()));
                ModuleSummary saved = module == null ? curriculum.createModule(draft) : curriculum.updateModule(module.id(), draft);
                Notifications.success("editor.saved");
                afterSave.accept(saved);
                close();
            } catch (ValidationException invalid) {
                error.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-module");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
