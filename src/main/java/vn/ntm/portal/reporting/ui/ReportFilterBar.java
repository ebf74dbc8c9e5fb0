package vn.ntm.portal.reporting.ui;

import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.reporting.Phase;
import vn.ntm.portal.reporting.ReportFilter;
import vn.ntm.portal.reporting.ReportService;
import vn.ntm.portal.shell.PortalIcon;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;
import vn.ntm.portal.unit.ui.UnitPicker;

import java.util.function.Function;

/**
 * The dashboard's filters, wrapping onto as many lines as the screen needs (a phone is 360 px wide): period, unit,
 * class conditions (mode, organising level, programme, topic, target group, trainer) and trainee level. The choices
 * for trainer and programme come from the caller's scope only.
 */
class ReportFilterBar extends FlexLayout {

    private final Select<Phase> phase = new Select<>();
    private final IntegerField year = new IntegerField();
    private final Select<Integer> quarter = new Select<>();
    private final Select<Integer> month = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<UnitSummary> unit;
    private final Checkbox asRecorded = new Checkbox();
    private final Select<DeliveryMode> mode = new Select<>();
    private final Select<OrganisingLevel> organisingLevel = new Select<>();
    private final Select<TraineeLevel> traineeLevel = new Select<>();
    private final ComboBox<String> programme = new ComboBox<>();
    private final TextField topic = new TextField();
    private final TextField targetGroup = new TextField();
    private final ComboBox<ReportService.Trainer> trainer = new ComboBox<>();
    private final Details more = new Details();

    ReportFilterBar(ReportService reports, UnitDirectory units, Runnable apply) {
        unit = UnitPicker.create(units, getTranslation("reports.filter.unit"));
        unit.setId("filter-unit");
        unit.setClearButtonVisible(true);
        unit.setPlaceholder(getTranslation("reports.filter.unitDefault"));

        phase.setLabel(getTranslation("reports.filter.phase"));
        phase.setItems(Phase.values());
        phase.setItemLabelGenerator(p -> p == null ? getTranslation("reports.any") : p.label());
        phase.setEmptySelectionAllowed(true);
        phase.setEmptySelectionCaption(getTranslation("reports.any"));
        phase.setId("filter-phase");
        year.setLabel(getTranslation("reports.filter.year"));
        year.setId("filter-year");
        year.setWidth("7rem");
        quarter.setLabel(getTranslation("reports.filter.quarter"));
        quarter.setItems(1, 2, 3, 4);
        quarter.setEmptySelectionAllowed(true);
        quarter.setWidth("7rem");
        month.setLabel(getTranslation("reports.filter.month"));
        month.setItems(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        month.setEmptySelectionAllowed(true);
        month.setWidth("7rem");
        from.setLabel(getTranslation("reports.filter.from"));
        to.setLabel(getTranslation("reports.filter.to"));
        asRecorded.setLabel(getTranslation("reports.filter.asRecorded"));
        asRecorded.setId("filter-as-recorded");
        asRecorded.setHelperText(getTranslation("reports.filter.asRecorded.help"));
        enumSelect(mode, "reports.filter.mode", DeliveryMode.values(), m -> getTranslation("training.mode." + m.name()));
        enumSelect(organisingLevel, "reports.filter.organisingLevel", OrganisingLevel.values(),
                l -> getTranslation("training.level." + l.name()));
        enumSelect(traineeLevel, "reports.filter.traineeLevel", TraineeLevel.values(), l -> getTranslation("traineeLevel." + l.name()));

        // programmes as the classes recorded them: the filter compares with exactly that text
        programme.setLabel(getTranslation("reports.filter.programme"));
        programme.setItems(reports.recordedProgrammes());
        programme.setClearButtonVisible(true);
        programme.setPlaceholder(getTranslation("reports.any"));
        programme.setId("filter-programme");
        topic.setLabel(getTranslation("reports.filter.topic"));
        topic.setPlaceholder(getTranslation("reports.filter.topicPlaceholder"));
        topic.setClearButtonVisible(true);
        topic.setId("filter-topic");
        targetGroup.setLabel(getTranslation("reports.filter.targetGroup"));
        targetGroup.setClearButtonVisible(true);
        targetGroup.setId("filter-target-group");
        // fetched a page at a time as the user types: the whole country has thousands of trainers
        trainer.setLabel(getTranslation("reports.filter.trainer"));
        trainer.setItems(query -> reports.trainers(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        trainer.setItemLabelGenerator(ReportService.Trainer::label);
        trainer.setClearButtonVisible(true);
        trainer.setPlaceholder(getTranslation("reports.any"));
        trainer.setId("filter-trainer");
        if (reports.ownClassesOnly()) {
            // a trainer's reports are about their own classes: the filter says whose, and stays so
            reports.trainers("", 0, 1).stream().findFirst().ifPresent(trainer::setValue);
            trainer.setReadOnly(true);
        }
        for (HasSize wide : new HasSize[]{programme, trainer}) {
            wide.setWidth("16rem");
            wide.setMaxWidth("100%");
        }
        topic.addKeyPressListener(Key.ENTER, e -> apply.run());
        targetGroup.addKeyPressListener(Key.ENTER, e -> apply.run());

        Button show = new Button(getTranslation("reports.apply"), PortalIcon.FILTER.create(), e -> apply.run());
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.setId("apply-filter");
        // the usual questions (a phase or a year, a unit) stay in sight; the rest folds away, so that on a phone the
        // figures are one swipe below the filters rather than fourteen fields below
        FlexLayout moreFields = new FlexLayout(quarter, month, from, to, mode, organisingLevel, traineeLevel, programme, topic,
                targetGroup, trainer, asRecorded);
        moreFields.setFlexWrap(FlexWrap.WRAP);
        moreFields.getStyle().set("gap", "var(--lumo-space-s)");
        moreFields.setAlignItems(FlexComponent.Alignment.BASELINE);
        more.setSummaryText(getTranslation("reports.filter.more"));
        more.add(moreFields);
        more.setId("more-filters");
        more.setWidthFull();
        add(phase, year, unit, show, more);
        setFlexWrap(FlexWrap.WRAP);
        getStyle().set("gap", "var(--lumo-space-s)");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setId("report-filters");
    }

    private <T extends Enum<T>> void enumSelect(Select<T> select, String label, T[] values, Function<T, String> name) {
        select.setLabel(getTranslation(label));
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("reports.any"));
        select.setItemLabelGenerator(v -> v == null ? getTranslation("reports.any") : name.apply(v));
    }

    ReportFilter filter() {
        ReportService.Trainer t = trainer.getValue();
        return new ReportFilter(phase.getValue(), year.getValue(), quarter.getValue(), month.getValue(), from.getValue(), to.getValue(),
                unit.getValue() == null ? null : unit.getValue().id(), asRecorded.getValue(), organisingLevel.getValue(),
                traineeLevel.getValue(), text(targetGroup.getValue()), text(programme.getValue()), text(topic.getValue()), mode.getValue(),
                t == null ? null : t.id());
    }

    /** The trainer chosen, with their name for the bulletin and the exports. */
    ReportService.@Nullable Trainer trainer() {
        return trainer.getValue();
    }

    @Nullable UnitSummary unit() {
        return unit.getValue();
    }

    void unit(@Nullable UnitSummary u) {
        if (u == null) {
            unit.clear();
        } else {
            unit.setValue(u);
        }
    }

    private static @Nullable String text(@Nullable String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }
}
