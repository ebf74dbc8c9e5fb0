package vn.ntm.portal.reporting.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.reporting.ReportService;
import vn.ntm.portal.reporting.UncertifiedTrainees;
import vn.ntm.portal.shell.PortalIcon;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * "Hoàn thành chưa cấp chứng nhận": who completed a held class and holds no certificate for it, within the
 * viewer's scope (the service applies it), a page at a time, by year and programme, and the whole list as CSV.
 */
@Route("reports/uncertified")
@PageTitle("uncertified.title")
@RolesAllowed({"ADMIN", "COORDINATOR", "TRAINER"})
class UncertifiedView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Years offered: the programme's phases began in 2010. */
    private static final int FIRST_YEAR = 2010;

    private final UncertifiedTrainees list;
    private final Select<Integer> year = new Select<>();
    private final ComboBox<String> programme = new ComboBox<>();
    private final Span count = new Span();
    private final Grid<UncertifiedTrainees.Line> grid = new Grid<>();

    UncertifiedView(UncertifiedTrainees list, ReportService reports) {
        this.list = list;
        setWidthFull();
        H2 title = new H2(getTranslation("uncertified.title"));
        Paragraph note = new Paragraph(getTranslation("uncertified.note"));
        note.addClassName("unique-note");
        RouterLink back = new RouterLink(getTranslation("uncertified.back"), ReportsView.class);
        back.setId("uncertified-back");

        List<Integer> years = new ArrayList<>();
        for (int y = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear(); y >= FIRST_YEAR; y--) {
            years.add(y);
        }
        year.setLabel(getTranslation("uncertified.year"));
        year.setItems(years);
        year.setEmptySelectionAllowed(true);
        year.setEmptySelectionCaption(getTranslation("uncertified.allYears"));
        year.setId("uncertified-year");
        year.addValueChangeListener(e -> refresh());
        programme.setLabel(getTranslation("uncertified.programme"));
        programme.setItems(reports.recordedProgrammes());
        programme.setClearButtonVisible(true);
        programme.setId("uncertified-programme");
        programme.addValueChangeListener(e -> refresh());
        count.setId("uncertified-count");

        grid.setId("uncertified-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(UncertifiedTrainees.Line::fullName).setHeader(getTranslation("uncertified.col.name")).setFlexGrow(1)
                .setFrozen(true).setWidth("min(12rem, 40vw)");
        grid.addColumn(l -> l.birthYear() == null ? "" : String.valueOf(l.birthYear())).setHeader(getTranslation("uncertified.col.birthYear"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(UncertifiedTrainees.Line::classCode).setHeader(getTranslation("uncertified.col.classCode")).setAutoWidth(true);
        grid.addColumn(UncertifiedTrainees.Line::classTitle).setHeader(getTranslation("uncertified.col.classTitle")).setWidth("14rem");
        grid.addColumn(l -> DATE.format(l.startDate())).setHeader(getTranslation("uncertified.col.start")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(UncertifiedTrainees.Line::unitName).setHeader(getTranslation("uncertified.col.unit")).setAutoWidth(true);
        grid.addColumn(l -> l.attendedSessions() + "/" + l.sessions()).setHeader(getTranslation("uncertified.col.sessions"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setWidthFull();
        grid.setHeight("60vh");

        Anchor csv = new Anchor(csvHandler(), "");
        csv.add(PortalIcon.DOWNLOAD.create());
        csv.add(getTranslation("uncertified.csv"));
        csv.getElement().setAttribute("download", true);
        csv.addClassName("export-link");
        csv.setId("uncertified-csv");

        FlexLayout filters = new FlexLayout(year, programme);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        FlexLayout actions = new FlexLayout(count, csv, back);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.setAlignItems(Alignment.CENTER);
        actions.getStyle().set("gap", "var(--lumo-space-m)");
        add(title, note, filters, actions, grid);
        refresh();
    }

    private UncertifiedTrainees.Filter filter() {
        return new UncertifiedTrainees.Filter(year.getValue(), blank(programme.getValue()));
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private void refresh() {
        UncertifiedTrainees.Filter f = filter();
        long n = list.count(f);
        count.setText(getTranslation("uncertified.count", n));
        grid.setItems(q -> list.page(f, q.getOffset(), q.getLimit()).stream(), q -> (int) Math.min(Integer.MAX_VALUE, list.count(f)));
    }

    private DownloadHandler csvHandler() {
        return event -> {
            event.setFileName("hoan-thanh-chua-cap-chung-nhan.csv");
            event.setContentType("text/csv");
            try (OutputStream out = event.getOutputStream()) {
                list.writeCsv(filter(), out);
            }
        };
    }
}
