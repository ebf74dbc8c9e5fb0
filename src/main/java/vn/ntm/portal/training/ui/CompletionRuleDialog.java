package vn.ntm.portal.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.training.CompletionRule;
import vn.ntm.portal.training.CompletionRuleChange;
import vn.ntm.portal.training.CompletionRules;

/**
 * The completion rule of a class: the share of sessions and whether excused sessions count. A change is first
 * previewed (how many completions it gains or loses); only the rule that was previewed can be applied.
 */
class CompletionRuleDialog extends Dialog {

    private final CompletionRules rules;
    private final long classId;
    private final java.util.function.Consumer<CompletionRule> changed;
    private final IntegerField share = new IntegerField();
    private final Checkbox excused = new Checkbox();
    private final Paragraph effect = new Paragraph();
    private final Button apply = new Button();
    private CompletionRule previewed;

    CompletionRuleDialog(CompletionRules rules, long classId, java.util.function.Consumer<CompletionRule> changed) {
        this.rules = rules;
        this.classId = classId;
        this.changed = changed;
        setHeaderTitle(getTranslation("completionRule.title"));
        CompletionRule current = rules.ruleOf(classId);
        previewed = current;
        share.setLabel(getTranslation("training.completionShare"));
        share.setId("completion-share");
        share.setMin(1);
        share.setMax(100);
        share.setStepButtonsVisible(true);
        share.setSuffixComponent(new Span("%"));
        share.setValue(current.share());
        excused.setLabel(getTranslation("completionRule.excusedCounts"));
        excused.setId("completion-excused");
        excused.setValue(current.excusedCounts());
        effect.setId("completion-effect");
        share.addValueChangeListener(e -> apply.setEnabled(false));
        excused.addValueChangeListener(e -> apply.setEnabled(false));
        Button preview = new Button(getTranslation("completionRule.preview"), e -> preview());
        preview.setId("completion-preview");
        apply.setText(getTranslation("completionRule.apply"));
        apply.setId("completion-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> apply());
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        add(new VerticalLayout(new Paragraph(getTranslation("completionRule.explain")), share, excused, effect));
        getFooter().add(cancel, preview, apply);
    }

    private void preview() {
        try {
            CompletionRule proposed = new CompletionRule(share.getValue() == null ? 0 : share.getValue(), excused.getValue());
            CompletionRuleChange change = rules.preview(classId, proposed);
            effect.setText(getTranslation("completionRule.effect", change.completedBefore(), change.completedAfter(),
                    change.gained(), change.lost()));
            previewed = proposed;
            apply.setEnabled(true);
        } catch (ValidationException invalid) {
            Notifications.error(invalid);
        }
    }

    private void apply() {
        try {
            CompletionRuleChange change = rules.change(classId, previewed);
            Notifications.success("completionRule.applied", change.completedAfter(), change.changed());
            close();
            changed.accept(change.after());
        } catch (ValidationException invalid) {
            Notifications.error(invalid);
        }
    }
}
