package vn.ntm.portal.reporting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.reporting.Breakdown;
import vn.ntm.portal.reporting.PlanVsActual;
import vn.ntm.portal.reporting.Bulletin;
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
import vn.ntm.portal.shell.PortalIcon;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard: filters, the totals with the bulletin sentence, four charts each with a table of the same numbers
 * (trend by year, units one level down — a click on a bar drills into it —, delivery mode, trainee level), a table by
 * trainer (its rows overlap, so it has no chart and says so), topic coverage of a framework, and the same report as
 * XLSX, CSV and PDF.
 */
@Route("reports")
@PageTitle("nav.reports")
@Menu(title = "nav.reports", order = 34, icon = "vaadin:chart")
@RolesAllowed({"ADMIN", "COORDINATOR", "TRAINER"})
class ReportsView extends VerticalLayout {

    /**
     * The frozen names column: long unit names wrap within it, so that on a phone the numbers beside it stay in sight
     * (the grid scrolls them sideways; the page does not).
     */
    private static final String LABEL_WIDTH = "min(13rem, 40vw)";

    private static final Locale VIETNAMESE = Locale.of("vi");
    private static final List<Breakdown> SHOWN = List.of(Breakdown.YEAR, Breakdown.UNIT, Breakdown.MODE, Breakdown.TRAINEE_LEVEL,
            Breakdown.ORGANISING_LEVEL, Breakdown.PROGRAMME, Breakdown.TRAINER);

    /** The counters defined under the figures (reports.define.*), in the order of the cards. */
    static final List<String> DEFINED = List.of("classes", "enrolments", "participations", "uniqueParticipants", "sessionAttendances",
            "completions", "planned", "budget", "certificates", "traineeLevel", "units");

    private final ReportService reports;
    private final ReportExports exports;
    private final UnitDirectory units;

    private final ReportFilterBar filters;
    private ReportService.@Nullable Trainer appliedTrainer;

    private final Div totals = new Div();
    private final Paragraph bulletin = new Paragraph();
    private final Span scopeLine = new Span();
    private final Div sections = new Div();
    private final Div coverage = new Div();
    private final Div planSection = new Div();
    private final boolean readsPlans;
    private @Nullable ReportSummary current;
    private @Nullable PlanVsActual currentPlan;

    ReportsView(ReportService reports, ReportExports exports, UnitDirectory units, CurrentUser currentUser) {
        this.reports = reports;
        this.exports = exports;
        this.units = units;
        addClassName("reports-view");
        readsPlans = currentUser.require().role() != vn.ntm.portal.security.Role.TRAINER;
        planSection.setId("plan-vs-actual");
        planSection.setWidthFull();
        setWidthFull();
        filters = new ReportFilterBar(reports, units, this::refresh);

        Button up = new Button(getTranslation("reports.up"), PortalIcon.LEVEL_UP.create(), e -> goUp());
        up.setId("drill-up");
        up.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        scopeLine.setId("report-unit");
        scopeLine.addClassName("report-unit");
        FlexLayout heading = wrap(scopeLine, up);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);

        // as wide as the page, no wider: a table with many columns scrolls inside itself, and the notes wrap
        sections.setWidthFull();
        totals.setId("report-totals");
        totals.addClassName("report-totals");
        bulletin.setId("bulletin");
        bulletin.addClassName("bulletin");
        Button copy = new Button(getTranslation("reports.copy"), PortalIcon.COPY.create(), e -> {
            getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", bulletin.getText());
            Notifications.success("reports.copied");
        });
        copy.setId("copy-bulletin");
        Paragraph uniqueNote = new Paragraph(getTranslation("reports.uniqueNote"));
        uniqueNote.addClassName("unique-note");
        uniqueNote.setId("unique-note");

        com.vaadin.flow.router.RouterLink uncertified = new com.vaadin.flow.router.RouterLink(getTranslation("uncertified.link"),
                UncertifiedView.class);
        uncertified.setId("uncertified-link");
        uncertified.addClassName("export-link");
        FlexLayout downloads = wrap(download("xlsx", "reports.export.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                download("csv", "reports.export.csv", "text/csv"), download("pdf", "reports.export.pdf", "application/pdf"), uncertified);
        if (currentUser.require().isAdmin()) {
            // the rebuild runs in the background on one node; the page polls its state, which any node can answer
            Button rebuild = new Button(getTranslation("reports.rebuild"), PortalIcon.REFRESH.create(), e -> {
                if (reports.startRebuild()) {
                    watchingRebuild = true;
                } else {
                    Notifications.error(new ValidationException("reports.rebuild.running"));
                }
                showRebuild();
            });
            rebuild.setId("rebuild-reports");
            rebuild.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            rebuildState.setId("rebuild-state");
            this.rebuildButton = rebuild;
            downloads.add(rebuild, rebuildState);
        }

        // what each counter counts, in one sentence an office would agree with
        Div definitions = new Div();
        definitions.setId("counter-definitions");
        definitions.addClassName("unique-note");
        for (String counter : DEFINED) {
            Paragraph line = new Paragraph(getTranslation("reports.define." + counter));
            line.setId("define-" + counter);
            definitions.add(line);
        }

        add(filters, heading, totals, new Div(bulletin, copy), uniqueNote, definitions, downloads, planSection, sections, coverageSection());
        refresh();
    }

    private static FlexLayout wrap(Component... components) {
        FlexLayout layout = new FlexLayout(components);
        layout.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        layout.getStyle().set("gap", "var(--lumo-space-s)");
        layout.setWidthFull();
        return layout;
    }

    ReportFilter filter() {
        return filters.filter();
    }

    private final Span rebuildState = new Span();
    private @Nullable Button rebuildButton;
    private boolean watchingRebuild;
    private com.vaadin.flow.shared.@Nullable Registration polling;

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        detachEvent.getUI().setPollInterval(-1);
        super.onDetach(detachEvent);
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (rebuildButton != null) {
            polling = attachEvent.getUI().addPollListener(e -> {
                if (watchingRebuild) {
                    showRebuild();
                }
            });
            showRebuild();
        }
    }

    /** Shows the state of the rebuild; polls every two seconds while it runs, and refreshes the figures when it ends. */
    private void showRebuild() {
        var progress = reports.rebuildProgress();
        boolean running = progress.running();
        if (rebuildButton != null) {
            rebuildButton.setEnabled(!running);
        }
        rebuildState.setText(running ? getTranslation("reports.rebuild.runningSince", progress.startedBy(),
                java.time.Duration.between(progress.started(), java.time.Instant.now()).toSeconds()) : "");
        getUI().ifPresent(ui -> ui.setPollInterval(running ? 2000 : -1));
        if (watchingRebuild && !running) {
            if ("DONE".equals(progress.state()) && progress.outcome() != null) {
                String[] figures = progress.outcome().split(" ");
                Notifications.success("reports.rebuilt", Long.parseLong(figures[0]), Long.parseLong(figures[1]), Long.parseLong(figures[2]));
            } else if ("FAILED".equals(progress.state()) || "INTERRUPTED".equals(progress.state())) {
                Notifications.error(new ValidationException("reports.rebuild.failed"));
            }
            refresh();
        }
        watchingRebuild = running;
    }

    private void refresh() {
        try {
            ReportService.Trainer trainer = filters.trainer();
            ReportSummary summary = reports.summary(filter(), EnumSet.copyOf(SHOWN));
            currentPlan = readsPlans && summary.filter().year() != null
                    ? reports.planVsActual(summary.filter().unitId(), summary.filter().year()) : null;
            show(summary, trainer);
        } catch (ValidationException e) {
            Notifications.error(e);
        } catch (AccessDeniedException e) {
            Notifications.error(new ValidationException("reports.error.outOfScope"));
        }
    }

    private void drillInto(long unitId) {
        units.findById(unitId).ifPresent(u -> {
            filters.unit(u);
            refresh();
        });
    }

    private void goUp() {
        UnitSummary u = filters.unit();
        if (u != null && u.parentId() != null) {
            drillInto(u.parentId());
        } else {
            filters.unit(null);
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

    /** The name of the trainer of the report shown, as the bulletin and the exports write it. */
    private String trainerName(long id) {
        ReportService.Trainer t = appliedTrainer;
        return t != null && t.id() == id ? t.name() : "#" + id;
    }

    private void show(ReportSummary s, ReportService.@Nullable Trainer trainer) {
        current = s;
        appliedTrainer = trainer;
        String shown = s.unitName().isEmpty() ? getTranslation("reports.wholeCountry") : s.unitName();
        // the screen says which view it shows: a dissolved unit asked for is reported under its successor, or as recorded
        scopeLine.setText(s.dissolvedUnitName() != null ? getTranslation("reports.unitOfDissolved", shown, s.dissolvedUnitName())
                : s.filter().asRecorded() ? getTranslation("reports.unitAsRecorded", shown) : shown);
        bulletin.setText(Bulletin.sentence(s, vietnamese(), this::trainerName, currentPlan));
        showPlan(currentPlan);
        totals.removeAll();
        List<String> counters = ReportDocument.COUNTERS;
        List<Long> values = ReportDocument.values(s.total());
        for (int i = 0; i < counters.size(); i++) {
            Div card = new Div(new Span(values.get(i) == null ? "—" : Bulletin.number(values.get(i))), new Span(getTranslation(counters.get(i))));
            card.addClassName("total-card");
            card.setId("total-" + counters.get(i).substring("reports.col.".length()));
            totals.add(card);
        }
        // planned classes: part of the plan, never of what was organised, so a card of their own
        Div planned = new Div(new Span(Bulletin.number(s.planned().classes())), new Span(getTranslation("reports.planned")));
        planned.addClassName("total-card");
        planned.setId("total-planned");
        totals.add(planned);
        sections.removeAll();
        sections.add(section(s, Breakdown.YEAR, "line"));
        if (!s.rows(Breakdown.UNIT).isEmpty()) {
            sections.add(section(s, Breakdown.UNIT, "bar"));
        }
        sections.add(section(s, Breakdown.MODE, "bar"));
        sections.add(section(s, Breakdown.TRAINEE_LEVEL, "bar"));
        sections.add(section(s, Breakdown.TRAINER, null));
    }

    /** The year's plan against what was held: a bar chart of planned and held classes by level, and the table. */
    private void showPlan(@Nullable PlanVsActual plan) {
        planSection.removeAll();
        planSection.setVisible(plan != null && plan.hasPlan());
        if (plan == null || !plan.hasPlan()) {
            return;
        }
        planSection.addClassName("report-section");
        planSection.add(new H3(getTranslation("reports.plan.title", String.valueOf(plan.year()))));
        List<PlanVsActual.Line> chartLines = plan.byUnit().isEmpty() || plan.byUnit().stream().allMatch(l -> l.planned() == null)
                ? plan.byOrganisingLevel() : plan.byUnit();
        boolean byLevel = chartLines == plan.byOrganisingLevel();
        EChart chart = new EChart("chart-plan");
        chart.show("bar", chartLines.stream().map(l -> byLevel ? getTranslation("training.level." + l.key()) : l.label()).toList(),
                List.of(getTranslation("reports.plan.col.plannedClasses"), getTranslation("reports.plan.col.classes")),
                List.of(chartLines.stream().map(l -> l.planned() == null ? 0L : l.planned().classes()).toList(),
                        chartLines.stream().map(PlanVsActual.Line::classes).toList()));
        planSection.add(chart);
        List<PlanVsActual.Line> rows = new ArrayList<>();
        rows.add(plan.total());
        rows.addAll(plan.byOrganisingLevel());
        rows.addAll(plan.byUnit());
        Grid<PlanVsActual.Line> grid = new Grid<>();
        grid.setId("grid-plan");
        grid.addColumn(l -> l == plan.total() ? getTranslation("reports.total")
                : plan.byOrganisingLevel().contains(l) ? getTranslation("training.level." + l.key()) : l.label())
                .setHeader("").setWidth(LABEL_WIDTH).setFlexGrow(0).setFrozen(true);
        for (int i = 0; i < ReportDocument.PLAN_COLUMNS.size(); i++) {
            int col = i;
            boolean percent = ReportDocument.PLAN_COLUMNS.get(i).endsWith("Percent");
            grid.addColumn(l -> {
                Long v = ReportDocument.planValues(l).get(col);
                return v == null ? "—" : Bulletin.number(v) + (percent ? "%" : "");
            }).setHeader(getTranslation(ReportDocument.PLAN_COLUMNS.get(i))).setAutoWidth(true)
                    .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(rows);
        planSection.add(grid);
        Paragraph note = new Paragraph(getTranslation("reports.plan.note"));
        note.addClassName("unique-note");
        planSection.add(note);
    }

    /** A table of a breakdown, under a chart of the same numbers when {@code type} is given (a line or bars). */
    private Component section(ReportSummary s, Breakdown b, @Nullable String type) {
        List<ReportRow> rows = s.rows(b);
        Div box = new Div(new H3(getTranslation("reports.by." + b.name())));
        box.addClassName("report-section");
        if (type != null) {
            box.add(chart(b, rows, type));
        }
        box.add(grid(b, rows));
        if (!b.rowsAddUp()) {
            // as with unique participants: a sum of these rows would count a class with two trainers twice
            Paragraph note = new Paragraph(getTranslation("reports.trainerNote"));
            note.addClassName("unique-note");
            note.setId("note-" + b.name().toLowerCase(Locale.ROOT));
            box.add(note);
        }
        return box;
    }

    private EChart chart(Breakdown b, List<ReportRow> rows, String type) {
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
        return chart;
    }

    private Grid<ReportRow> grid(Breakdown b, List<ReportRow> rows) {
        Grid<ReportRow> grid = new Grid<>();
        grid.setId("grid-" + b.name().toLowerCase(Locale.ROOT));
        grid.addColumn(r -> ReportDocument.rowLabel(b, r, screen())).setHeader("").setWidth(LABEL_WIDTH).setFlexGrow(0).setFrozen(true);
        for (int i = 0; i < ReportDocument.COUNTERS.size(); i++) {
            int col = i;
            grid.addColumn(r -> {
                Long v = ReportDocument.values(r.figures()).get(col);
                return v == null ? "—" : Bulletin.number(v);
            }).setHeader(getTranslation(ReportDocument.COUNTERS.get(i))).setAutoWidth(true).setTextAlign(
                    com.vaadin.flow.component.grid.ColumnTextAlign.END);
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(rows);
        if (b == Breakdown.UNIT) {
            grid.addItemClickListener(e -> {
                if (e.getItem().unitId() != null) {
                    drillInto(e.getItem().unitId());
                }
            });
        }
        return grid;
    }

    private Anchor download(String kind, String label, String type) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            ReportSummary s = current;
            if (s == null) {
                return DownloadResponse.error(404);
            }
            ReportDocument doc = ReportDocument.of(s, SHOWN, vietnamese(), this::trainerName, currentPlan);
            byte[] bytes = switch (kind) {
                case "xlsx" -> exports.xlsx(doc);
                case "csv" -> exports.csv(doc);
                default -> exports.pdf(doc);
            };
            return new DownloadResponse(new ByteArrayInputStream(bytes), "bao-cao-tap-huan." + kind, type, bytes.length);
        }), "");
        anchor.add(PortalIcon.DOWNLOAD.create());
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
