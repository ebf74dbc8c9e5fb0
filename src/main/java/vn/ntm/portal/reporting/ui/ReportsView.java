package vn.ntm.portal.reporting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.reporting.Breakdown;
import vn.ntm.portal.reporting.Bulletin;
import vn.ntm.portal.reporting.Figures;
import vn.ntm.portal.reporting.Phase;
import vn.ntm.portal.reporting.ReportDocument;
import vn.ntm.portal.reporting.ReportExports;
import vn.ntm.portal.reporting.ReportFilter;
import vn.ntm.portal.reporting.ReportRow;
import vn.ntm.portal.reporting.ReportService;
import vn.ntm.portal.reporting.ReportSummary;
import vn.ntm.portal.reporting.TopicCoverage;
import vn.ntm.portal.reporting.Translator;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;
import vn.ntm.portal.unit.ui.UnitPicker;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The dashboard: filters, the totals with the bulletin sentence, four charts each with a table of the same numbers
 * (trend by year, units one level down — a click on a bar drills into it —, delivery mode, trainee level), topic
 * coverage of a framework, and the same report as XLSX, CSV and PDF.
 */
@Route("reports")
@PageTitle("nav.reports")
@Menu(title = "nav.reports", order = 34, icon = "vaadin:chart")
@RolesAllowed({"ADMIN", "COORDINATOR"})
class ReportsView extends VerticalLayout {

    private static final Locale VIETNAMESE = Locale.of("vi");
    private static final List<Breakdown> SHOWN = List.of(Breakdown.YEAR, Breakdown.UNIT, Breakdown.MODE, Breakdown.TRAINEE_LEVEL,
            Breakdown.ORGANISING_LEVEL, Breakdown.PROGRAMME);

    private final ReportService reports;
    private final ReportExports exports;
    private final UnitDirectory units;

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
    private final TextField programme = new TextField();
    private final TextField targetGroup = new TextField();

    private final Div totals = new Div();
    private final Paragraph bulletin = new Paragraph();
    private final Span scopeLine = new Span();
    private final Div sections = new Div();
    private final Div coverage = new Div();
    private @Nullable ReportSummary current;

    ReportsView(ReportService reports, ReportExports exports, UnitDirectory units, CurrentUser currentUser) {
        this.reports = reports;
        this.exports = exports;
        this.units = units;
        addClassName("reports-view");
        setWidthFull();
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
        enumSelect(mode, "reports.filter.mode", DeliveryMode.values(), m -> getTranslation("training.mode." + m.name()));
        enumSelect(organisingLevel, "reports.filter.organisingLevel", OrganisingLevel.values(),
                l -> getTranslation("training.level." + l.name()));
        enumSelect(traineeLevel, "reports.filter.traineeLevel", TraineeLevel.values(), l -> getTranslation("traineeLevel." + l.name()));
        programme.setLabel(getTranslation("reports.filter.programme"));
        targetGroup.setLabel(getTranslation("reports.filter.targetGroup"));

        Button apply = new Button(getTranslation("reports.apply"), VaadinIcon.FILTER.create(), e -> refresh());
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setId("apply-filter");
        FlexLayout filters = wrap(phase, year, quarter, month, from, to, unit, mode, organisingLevel, traineeLevel, programme, targetGroup,
                asRecorded, apply);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setId("report-filters");

        Button up = new Button(getTranslation("reports.up"), VaadinIcon.LEVEL_UP.create(), e -> goUp());
        up.setId("drill-up");
        up.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        scopeLine.setId("report-unit");
        scopeLine.addClassName("report-unit");
        FlexLayout heading = wrap(scopeLine, up);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);

        totals.setId("report-totals");
        totals.addClassName("report-totals");
        bulletin.setId("bulletin");
        bulletin.addClassName("bulletin");
        Button copy = new Button(getTranslation("reports.copy"), VaadinIcon.COPY.create(), e -> {
            getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", bulletin.getText());
            Notifications.success("reports.copied");
        });
        copy.setId("copy-bulletin");
        Paragraph uniqueNote = new Paragraph(getTranslation("reports.uniqueNote"));
        uniqueNote.addClassName("unique-note");
        uniqueNote.setId("unique-note");

        FlexLayout downloads = wrap(download("xlsx", "reports.export.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                download("csv", "reports.export.csv", "text/csv"), download("pdf", "reports.export.pdf", "application/pdf"));
        if (currentUser.require().isAdmin()) {
            Button rebuild = new Button(getTranslation("reports.rebuild"), VaadinIcon.REFRESH.create(), e -> {
                var result = reports.rebuild();
                Notifications.success("reports.rebuilt", result.classes(), result.participations(), result.millis());
                refresh();
            });
            rebuild.setId("rebuild-reports");
            rebuild.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            downloads.add(rebuild);
        }

        add(filters, heading, totals, new Div(bulletin, copy), uniqueNote, downloads, sections, coverageSection());
        refresh();
    }

    private <T extends Enum<T>> void enumSelect(Select<T> select, String label, T[] values, Function<T, String> name) {
        select.setLabel(getTranslation(label));
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("reports.any"));
        select.setItemLabelGenerator(v -> v == null ? getTranslation("reports.any") : name.apply(v));
    }

    private static FlexLayout wrap(Component... components) {
        FlexLayout layout = new FlexLayout(components);
        layout.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        layout.getStyle().set("gap", "var(--lumo-space-s)");
        layout.setWidthFull();
        return layout;
    }

    ReportFilter filter() {
        String prog = programme.getValue().isBlank() ? null : programme.getValue().strip();
        String target = targetGroup.getValue().isBlank() ? null : targetGroup.getValue().strip();
        return new ReportFilter(phase.getValue(), year.getValue(), quarter.getValue(), month.getValue(), from.getValue(), to.getValue(),
                unit.getValue() == null ? null : unit.getValue().id(), asRecorded.getValue(), organisingLevel.getValue(),
                traineeLevel.getValue(), target, prog, null, mode.getValue(), null);
    }

    private void refresh() {
        try {
            show(reports.summary(filter(), EnumSet.copyOf(SHOWN)));
        } catch (ValidationException e) {
            Notifications.error(e);
        } catch (AccessDeniedException e) {
            Notifications.error(new ValidationException("reports.error.outOfScope"));
        }
    }

    private void drillInto(long unitId) {
        units.findById(unitId).ifPresent(u -> {
            unit.setValue(u);
            refresh();
        });
    }

    private void goUp() {
        UnitSummary u = unit.getValue();
        if (u != null && u.parentId() != null) {
            drillInto(u.parentId());
        } else {
            unit.clear();
            refresh();
        }
    }

    private Translator screen() {
        return (key, args) -> getTranslation(key, args);
    }

    /** The bulletin is published in Vietnamese whatever language the screen is in. */
    private Translator vietnamese() {
        return (key, args) -> getTranslation(VIETNAMESE, key, args);
    }

    private void show(ReportSummary s) {
        current = s;
        scopeLine.setText(s.unitName().isEmpty() ? getTranslation("reports.wholeCountry") : s.unitName());
        bulletin.setText(Bulletin.sentence(s, vietnamese(), id -> "#" + id));
        totals.removeAll();
        List<String> counters = ReportDocument.COUNTERS;
        List<Long> values = ReportDocument.values(s.total());
        for (int i = 0; i < counters.size(); i++) {
            Div card = new Div(new Span(values.get(i) == null ? "—" : Bulletin.number(values.get(i))), new Span(getTranslation(counters.get(i))));
            card.addClassName("total-card");
            card.setId("total-" + counters.get(i).substring("reports.col.".length()));
            totals.add(card);
        }
        sections.removeAll();
        sections.add(section(s, Breakdown.YEAR, "line"));
        if (!s.rows(Breakdown.UNIT).isEmpty()) {
            sections.add(section(s, Breakdown.UNIT, "bar"));
        }
        sections.add(section(s, Breakdown.MODE, "bar"));
        sections.add(section(s, Breakdown.TRAINEE_LEVEL, "bar"));
    }

    private Component section(ReportSummary s, Breakdown b, String type) {
        List<ReportRow> rows = s.rows(b);
        H3 title = new H3(getTranslation("reports.by." + b.name()));
        EChart chart = new EChart("chart-" + b.name().toLowerCase(Locale.ROOT));
        List<String> labels = rows.stream().map(r -> ReportDocument.rowLabel(b, r, screen())).toList();
        List<List<Long>> series = new ArrayList<>();
        series.add(rows.stream().map(r -> r.figures().participations()).toList());
        series.add(rows.stream().map(r -> r.figures().uniqueParticipants()).toList());
        chart.show(type, labels, List.of(getTranslation("reports.col.participations"), getTranslation("reports.col.uniqueParticipants")),
                series);
        if (b == Breakdown.UNIT) {
            chart.onClick(i -> {
                if (i >= 0 && i < rows.size() && rows.get(i).unitId() != null) {
                    drillInto(rows.get(i).unitId());
                }
            });
        }
        Grid<ReportRow> grid = new Grid<>();
        grid.setId("grid-" + b.name().toLowerCase(Locale.ROOT));
        grid.addColumn(r -> ReportDocument.rowLabel(b, r, screen())).setHeader("").setAutoWidth(true).setFrozen(true);
        for (int i = 0; i < ReportDocument.COUNTERS.size(); i++) {
            int col = i;
            grid.addColumn(r -> {
                Long v = ReportDocument.values(r.figures()).get(col);
                return v == null ? "—" : Bulletin.number(v);
            }).setHeader(getTranslation(ReportDocument.COUNTERS.get(i))).setAutoWidth(true).setTextAlign(
                    com.vaadin.flow.component.grid.ColumnTextAlign.END);
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(rows);
        if (b == Breakdown.UNIT) {
            grid.addItemClickListener(e -> {
                if (e.getItem().unitId() != null) {
                    drillInto(e.getItem().unitId());
                }
            });
        }
        Div box = new Div(title, chart, grid);
        box.addClassName("report-section");
        return box;
    }

    private Anchor download(String kind, String label, String type) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            ReportSummary s = current;
            if (s == null) {
                return DownloadResponse.error(404);
            }
            ReportDocument doc = ReportDocument.of(s, SHOWN, vietnamese(), id -> "#" + id);
            byte[] bytes = switch (kind) {
                case "xlsx" -> exports.xlsx(doc);
                case "csv" -> exports.csv(doc);
                default -> exports.pdf(doc);
            };
            return new DownloadResponse(new ByteArrayInputStream(bytes), "bao-cao-tap-huan." + kind, type, bytes.length);
        }), "");
        anchor.add(VaadinIcon.DOWNLOAD.create());
        anchor.add(getTranslation(label));
        anchor.setId("export-" + kind);
        anchor.getElement().setAttribute("download", true);
        anchor.addClassName("export-link");
        return anchor;
    }

    private Component coverageSection() {
        H2 title = new H2(getTranslation("reports.coverage.title"));
        Select<ReportService.Framework> framework = new Select<>();
        framework.setLabel(getTranslation("reports.coverage.framework"));
        framework.setItems(reports.frameworks());
        framework.setItemLabelGenerator(ReportService.Framework::title);
        framework.setId("coverage-framework");
        framework.addValueChangeListener(e -> showCoverage(e.getValue()));
        coverage.setId("coverage");
        Div box = new Div(title, framework, coverage);
        box.addClassName("report-section");
        return box;
    }

    private void showCoverage(ReportService.@Nullable Framework framework) {
        coverage.removeAll();
        if (framework == null) {
            return;
        }
        TopicCoverage c;
        try {
            c = reports.topicCoverage(filter(), framework.id());
        } catch (ValidationException e) {
            Notifications.error(e);
            return;
        }
        Grid<TopicCoverage.Topic> taught = new Grid<>();
        taught.setId("coverage-taught");
        taught.addColumn(TopicCoverage.Topic::number).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        taught.addColumn(TopicCoverage.Topic::title).setHeader(getTranslation("reports.coverage.topic")).setFlexGrow(1);
        taught.addColumn(t -> Bulletin.number(t.classes())).setHeader(getTranslation("reports.col.classes")).setAutoWidth(true);
        taught.addColumn(t -> Bulletin.number(t.participations())).setHeader(getTranslation("reports.col.participations")).setAutoWidth(true);
        taught.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        taught.setAllRowsVisible(true);
        taught.setItems(c.taught());
        Div notTaught = new Div();
        notTaught.setId("coverage-not-taught");
        c.notTaught().forEach(t -> notTaught.add(new Paragraph(t.number() + ". " + t.title())));
        coverage.add(new H3(getTranslation("reports.coverage.taught", c.taught().size())), taught,
                new H3(getTranslation("reports.coverage.notTaught", c.notTaught().size())), notTaught);
    }
}
