package vn.ntm.portal.unit.ui;

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
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.shell.PortalIcon;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitLevel;
import vn.ntm.portal.unit.UnitSummary;

import java.time.format.DateTimeFormatter;

/** Administrative units within the reader's scope, with the import for administrators. */
@Route("units")
@PageTitle("nav.units")
@Menu(title = "nav.units", order = 20, icon = "vaadin:sitemap")
@RolesAllowed({"ADMIN", "COORDINATOR"})
class UnitsView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final UnitDirectory units;
    private final Grid<UnitSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<UnitLevel> level = new Select<>();
    private final Span provinces = new Span();
    private final Span communes = new Span();

    UnitsView(UnitDirectory units, UnitImportService importService, AuthenticationContext authentication) {
        this.units = units;
        setSizeFull();
        addClassName("units-view");

        search.setPlaceholder(getTranslation("unit.search"));
        search.setAriaLabel(getTranslation("unit.search"));
        search.setClearButtonVisible(true);
        search.setPrefixComponent(PortalIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        level.setItems(UnitLevel.values());
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("unit.level.all"));
        level.setItemLabelGenerator(l -> l == null ? getTranslation("unit.level.all") : getTranslation("unit.level." + l.name()));
        level.setAriaLabel(getTranslation("unit.level"));
        level.addValueChangeListener(e -> refresh());

        FlexLayout toolbar = new FlexLayout(search, level);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("toolbar");
        boolean admin = authentication.getAuthenticatedUser(PortalUser.class).map(PortalUser::isAdmin).orElse(false);
        if (admin) {
            Button importButton = new Button(getTranslation("unit.import"), PortalIcon.UPLOAD.create(),
                    e -> new UnitImportDialog(importService, this::refresh).open());
            importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            importButton.setId("import-units");
            toolbar.add(importButton);
        }

        provinces.setId("province-count");
        communes.setId("commune-count");
        Div counts = new Div(provinces, communes);
        counts.addClassName("counts");

        grid.addColumn(UnitSummary::code).setHeader(getTranslation("unit.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(UnitSummary::name).setHeader(getTranslation("unit.name")).setFlexGrow(1).setWidth("7rem");
        grid.addColumn(u -> getTranslation("unit.kind." + u.kind().name())).setHeader(getTranslation("unit.kind")).setAutoWidth(true);
        grid.addColumn(u -> u.validTo() == null ? "" : getTranslation("unit.validTo", DATE.format(u.validTo())))
                .setHeader(getTranslation("unit.validity")).setAutoWidth(true);
        // names wrap rather than being cut on a phone
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.setItems(query -> units.search(level.getValue(), search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) units.count(level.getValue(), search.getValue()));

        add(toolbar, counts, grid);
        refreshCounts();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        refreshCounts();
    }

    private void refreshCounts() {
        provinces.setText(getTranslation("unit.count.provinces", units.countCurrent(UnitLevel.PROVINCE)));
        communes.setText(getTranslation("unit.count.communes", units.countCurrent(UnitLevel.COMMUNE)));
    }
}
