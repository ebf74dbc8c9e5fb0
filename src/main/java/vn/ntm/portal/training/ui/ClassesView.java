package vn.ntm.portal.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.shell.PortalIcon;
import vn.ntm.portal.shell.ScreenWidth;
import vn.ntm.portal.training.ClassFilter;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.HistoryImportService;
import vn.ntm.portal.training.RosterSpreadsheets;
import vn.ntm.portal.unit.OrganisationService;
import vn.ntm.portal.unit.UnitDirectory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Classes the reader may see: those of their unit tree, or those they teach. Searched by code or title and filtered by
 * year, status and mode in the database, a page at a time; on a phone each row is a card (code, title, then the facts).
 */
@Route("classes")
@PageTitle("nav.classes")
@Menu(title = "nav.classes", order = 15, icon = "vaadin:group")
@RolesAllowed({"ADMIN", "COORDINATOR", "TRAINER"})
class ClassesView extends VerticalLayout {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TextField search = new TextField();
    private final Select<Integer> year = new Select<>();
    private final Select<ClassStatus> status = new Select<>();
    private final Select<DeliveryMode> mode = new Select<>();

    ClassesView(ClassService classes, UnitDirectory units, OrganisationService organisations, AccountService accounts,
                AuthenticationContext authentication, HistoryImportService history, RosterSpreadsheets sheets) {
        setSizeFull();
        addClassName("classes-view");
        Grid<ClassSummary> grid = new Grid<>();
        grid.addComponentColumn(this::codeAndTitle).setHeader(getTranslation("training.title")).setFlexGrow(1)
                .setWidth("14rem").setKey("title");
        List<Grid.Column<ClassSummary>> wide = List.of(
                grid.addColumn(ClassSummary::unitName).setHeader(getTranslation("training.unit")).setWidth("12rem").setFlexGrow(0),
                grid.addColumn(c -> getTranslation("training.dates", DATE.format(c.startDate()), DATE.format(c.endDate())))
                        .setHeader(getTranslation("training.startDate")).setAutoWidth(true).setFlexGrow(0),
                grid.addColumn(c -> getTranslation("training.mode." + c.mode().name())).setHeader(getTranslation("training.mode"))
                        .setAutoWidth(true).setFlexGrow(0),
                grid.addColumn(c -> getTranslation("training.status." + c.status().name())).setHeader(getTranslation("training.status"))
                        .setAutoWidth(true).setFlexGrow(0));
        // long titles wrap instead of being cut; on a phone the secondary columns go and the card line below the title says it all
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        ScreenWidth.whenNarrow(this, narrow -> {
            wide.forEach(column -> column.setVisible(!narrow));
            grid.getElement().getClassList().set("wide", !narrow);
        });
        grid.setItems(q -> classes.list(filter(), q.getOffset(), q.getLimit()).stream(), q -> (int) classes.count(filter()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ClassView.class, e.getItem().id())));
        grid.setSizeFull();
        grid.setId("classes");

        FlexLayout bar = new FlexLayout();
        bar.addClassName("toolbar");
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.END);
        filters(grid);
        bar.add(search, year, status, mode);
        if (authentication.hasAnyRole("ADMIN", "COORDINATOR")) {
            Button create = new Button(getTranslation("training.new"), PortalIcon.PLUS.create(),
                    e -> new ClassDialog(classes, units, organisations, accounts, null, saved -> {
                        grid.getDataProvider().refreshAll();
                        getUI().ifPresent(ui -> ui.navigate(ClassView.class, saved.id()));
                    }).open());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("new-class");
            Button past = new Button(getTranslation("history.import"), PortalIcon.ARCHIVE.create(),
                    e -> new HistoryImportDialog(history, sheets, grid.getDataProvider()::refreshAll).open());
            past.setId("import-history");
            bar.add(create, past);
        }
        add(bar, grid);
    }

    private void filters(Grid<ClassSummary> grid) {
        search.setId("class-search");
        search.setPlaceholder(getTranslation("classes.search"));
        search.setAriaLabel(getTranslation("classes.search"));
        search.setPrefixComponent(PortalIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addClassName("class-search");
        int thisYear = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        year.setId("class-year");
        year.setItems(IntStream.rangeClosed(thisYear - 10, thisYear + 1).boxed().sorted(java.util.Comparator.reverseOrder()).toList());
        status.setId("class-status");
        status.setItems(ClassStatus.values());
        // with nothing chosen each filter shows what it filters by
        status.setItemLabelGenerator(s -> s == null ? getTranslation("training.status") : getTranslation("training.status." + s.name()));
        mode.setId("class-mode");
        mode.setItems(DeliveryMode.values());
        mode.setItemLabelGenerator(m -> m == null ? getTranslation("training.mode") : getTranslation("training.mode." + m.name()));
        year.setItemLabelGenerator(y -> y == null ? getTranslation("classes.year") : String.valueOf(y));
        for (Select<?> select : List.of(year, status, mode)) {
            select.setEmptySelectionAllowed(true);
            select.addClassName("class-filter");
        }
        year.setAriaLabel(getTranslation("classes.year"));
        status.setAriaLabel(getTranslation("training.status"));
        mode.setAriaLabel(getTranslation("training.mode"));
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        year.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        mode.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    }

    private ClassFilter filter() {
        return new ClassFilter(search.getValue(), year.getValue(), status.getValue(), mode.getValue());
    }

    /** The code and the full title; under them, for phones where the other columns are hidden, the unit, dates and status. */
    private Div codeAndTitle(ClassSummary c) {
        Span code = new Span(c.code());
        code.addClassName("class-code");
        Span title = new Span(c.title());
        title.addClassName("class-title");
        Span facts = new Span(c.unitName() + " · " + getTranslation("training.dates", DATE.format(c.startDate()), DATE.format(c.endDate()))
                + " · " + getTranslation("training.mode." + c.mode().name()) + " · " + getTranslation("training.status." + c.status().name()));
        facts.addClassName("class-facts");
        Div card = new Div(code, title, facts);
        card.addClassName("class-card");
        return card;
    }
}
