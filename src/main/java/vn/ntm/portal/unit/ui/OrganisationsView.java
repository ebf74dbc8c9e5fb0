package vn.ntm.portal.unit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.unit.OrganisationKind;
import vn.ntm.portal.unit.OrganisationService;
import vn.ntm.portal.unit.OrganisationSummary;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

/** Coordination offices and other organisations within the reader's scope. */
@Route("organisations")
@PageTitle("nav.organisations")
@Menu(title = "nav.organisations", order = 25, icon = "vaadin:office")
@RolesAllowed({"ADMIN", "COORDINATOR"})
class OrganisationsView extends VerticalLayout {

    private final Grid<OrganisationSummary> grid = new Grid<>();

    OrganisationsView(OrganisationService organisations, UnitDirectory units) {
        setSizeFull();
        TextField name = new TextField(getTranslation("organisation.name"));
        name.setId("organisation-name");
        Select<OrganisationKind> kind = new Select<>();
        kind.setLabel(getTranslation("organisation.kind"));
        kind.setItems(OrganisationKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("organisation.kind." + k.name()));
        kind.setValue(OrganisationKind.COORDINATION_OFFICE);
        ComboBox<UnitSummary> unit = UnitPicker.create(units, getTranslation("organisation.unit"));
        Button add = new Button(getTranslation("action.add"), e -> {
            try {
                if (unit.getValue() == null) {
                    throw new ValidationException("organisation.error.unit");
                }
                organisations.create(name.getValue(), kind.getValue(), unit.getValue().id());
                name.clear();
                grid.getDataProvider().refreshAll();
                Notifications.success("organisation.created");
            } catch (ValidationException invalid) {
                Notifications.error(invalid);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout form = new FlexLayout(name, kind, unit, add);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.addClassName("toolbar");

        grid.addColumn(OrganisationSummary::name).setHeader(getTranslation("organisation.name")).setFlexGrow(1);
        grid.addColumn(o -> getTranslation("organisation.kind." + o.kind().name())).setHeader(getTranslation("organisation.kind"))
                .setAutoWidth(true);
        grid.addColumn(OrganisationSummary::unitName).setHeader(getTranslation("organisation.unit")).setAutoWidth(true);
        grid.setItems(q -> organisations.list(q.getOffset(), q.getLimit()).stream(), q -> (int) organisations.count());
        grid.setSizeFull();
        add(form, grid);
    }
}
