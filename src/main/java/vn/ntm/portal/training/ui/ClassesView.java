package vn.ntm.portal.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.HistoryImportService;
import vn.ntm.portal.training.RosterSpreadsheets;
import vn.ntm.portal.unit.OrganisationService;
import vn.ntm.portal.unit.UnitDirectory;

import java.time.format.DateTimeFormatter;

/** Classes the reader may see: those of their unit tree, or those they teach. */
@Route("classes")
@PageTitle("nav.classes")
@Menu(title = "nav.classes", order = 15, icon = "vaadin:group")
@RolesAllowed({"ADMIN", "COORDINATOR", "TRAINER"})
class ClassesView extends VerticalLayout {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    ClassesView(ClassService classes, UnitDirectory units, OrganisationService organisations, AccountService accounts,
                AuthenticationContext authentication, HistoryImportService history, RosterSpreadsheets sheets) {
        setSizeFull();
        Grid<ClassSummary> grid = new Grid<>();
        grid.addColumn(ClassSummary::code).setHeader(getTranslation("training.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ClassSummary::title).setHeader(getTranslation("training.title")).setFlexGrow(1);
        grid.addColumn(ClassSummary::unitName).setHeader(getTranslation("training.unit")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("training.dates", DATE.format(c.startDate()), DATE.format(c.endDate())))
                .setHeader(getTranslation("training.startDate")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("training.mode." + c.mode().name())).setHeader(getTranslation("training.mode")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("training.status." + c.status().name())).setHeader(getTranslation("training.status")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(q -> classes.list(q.getOffset(), q.getLimit()).stream(), q -> (int) classes.count());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ClassView.class, e.getItem().id())));
        grid.setSizeFull();
        grid.setId("classes");
        if (authentication.hasAnyRole("ADMIN", "COORDINATOR")) {
            Button create = new Button(getTranslation("training.new"), VaadinIcon.PLUS.create(),
                    e -> new ClassDialog(classes, units, organisations, accounts, null, saved -> {
                        grid.getDataProvider().refreshAll();
                        getUI().ifPresent(ui -> ui.navigate(ClassView.class, saved.id()));
                    }).open());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("new-class");
            Button past = new Button(getTranslation("history.import"), VaadinIcon.ARCHIVE.create(),
                    e -> new HistoryImportDialog(history, sheets, grid.getDataProvider()::refreshAll).open());
            past.setId("import-history");
            add(new com.vaadin.flow.component.orderedlayout.HorizontalLayout(create, past));
        }
        add(grid);
    }
}
