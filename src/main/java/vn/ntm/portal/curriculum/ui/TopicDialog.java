package vn.ntm.portal.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.TopicGroupSummary;
import vn.ntm.portal.shell.Notifications;

/** Adds a topic group, or a topic (with its number in the framework) to a group of the programme. */
class TopicDialog extends Dialog {

    TopicDialog(CurriculumService curriculum, long programmeId, Runnable afterSave) {
        setHeaderTitle(getTranslation("editor.topics"));
        setWidth("min(40rem, 100vw)");
        Paragraph error = new Paragraph();
        error.addClassName("form-error");

        TextField groupNumber = new TextField(getTranslation("editor.group.number"));
        groupNumber.setPlaceholder("I, II, III");
        TextField groupTitle = new TextField(getTranslation("editor.title"));
        Button addGroup = new Button(getTranslation("editor.group.add"));
        FormLayout groupForm = new FormLayout(groupNumber, groupTitle, addGroup);
        groupForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));

        Select<TopicGroupSummary> group = new Select<>();
        group.setLabel(getTranslation("editor.group"));
        group.setItems(curriculum.groups(programmeId));
        group.setItemLabelGenerator(g -> g.number() + ". " + g.title());
        IntegerField number = new IntegerField(getTranslation("editor.topic.number"));
        TextField title = new TextField(getTranslation("editor.title"));
        TextArea description = new TextArea(getTranslation("editor.description"));
        Checkbox illustrative = new Checkbox(getTranslation("editor.topic.illustrative"));
        Button addTopic = new Button(getTranslation("editor.topic.add"));
        addTopic.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout topicForm = new FormLayout(group, number, title, description, illustrative, addTopic);
        topicForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        topicForm.setColspan(title, 2);
        topicForm.setColspan(description, 2);

        addGroup.addClickListener(e -> {
            try {
                curriculum.addGroup(programmeId, groupNumber.getValue(), groupTitle.getValue());
                group.setItems(curriculum.groups(programmeId));
                groupNumber.clear();
                groupTitle.clear();
                error.setText("");
                Notifications.success("editor.saved");
            } catch (ValidationException invalid) {
                error.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
            }
        });
        addTopic.addClickListener(e -> {
            try {
                if (group.getValue() == null) {
                    throw new ValidationException("curriculum.error.topicRequired");
                }
                curriculum.addTopic(group.getValue().id(), number.getValue() == null ? 0 : number.getValue(), title.getValue(),
                        description.getValue(), illustrative.getValue());
                number.clear();
                title.clear();
                description.clear();
                error.setText("");
                Notifications.success("editor.saved");
                afterSave.run();
            } catch (ValidationException invalid) {
                error.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
            }
        });
        add(new H4(getTranslation("editor.group.add")), groupForm, new H4(getTranslation("editor.topic.add")), topicForm, error);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }
}
