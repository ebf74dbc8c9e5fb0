package vn.ntm.portal.person.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.person.PersonMergeService;
import vn.ntm.portal.person.PersonSummary;
import vn.ntm.portal.shell.Notifications;

import java.util.ArrayList;
import java.util.List;
import vn.ntm.portal.shell.PortalIcon;

/** Persons in the reader's scope; two records of the same person can be merged, keeping all their history. */
@Route("persons")
@PageTitle("nav.persons")
@Menu(title = "nav.persons", order = 28, icon = "vaadin:user-card")
@RolesAllowed({"ADMIN", "COORDINATOR"})
class PersonsView extends VerticalLayout {

    PersonsView(PersonMergeService persons) {
        setSizeFull();
        TextField search = new TextField();
        search.setPlaceholder(getTranslation("person.search"));
        search.setAriaLabel(getTranslation("person.search"));
        search.setPrefixComponent(PortalIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        Grid<PersonSummary> grid = new Grid<>();
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(PersonSummary::fullName).setHeader(getTranslation("roster.fullName")).setFlexGrow(1);
        grid.addColumn(p -> p.birthYear() == null ? "" : String.valueOf(p.birthYear())).setHeader(getTranslation("roster.birthYear"))
                .setAutoWidth(true);
        grid.addColumn(p -> p.phone() == null ? "" : p.phone()).setHeader(getTranslation("roster.phone")).setAutoWidth(true);
        grid.addColumn(p -> p.nationalId() == null ? "" : "•••" + p.nationalId().substring(Math.max(0, p.nationalId().length() - 4)))
                .setHeader(getTranslation("roster.nationalId")).setAutoWidth(true);
        grid.addColumn(p -> p.accountId() == null ? "" : "✓").setHeader(getTranslation("person.account")).setAutoWidth(true);
        grid.setItems(q -> persons.search(search.getValue(), q.getOffset(), q.getLimit()).stream());
        grid.setSizeFull();
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button merge = new Button(getTranslation("person.merge"), PortalIcon.COMPRESS.create(), e -> {
            List<PersonSummary> chosen = new ArrayList<>(grid.getSelectedItems());
            if (chosen.size() != 2) {
                Notifications.error(new ValidationException("person.error.chooseTwo"));
                return;
            }
            PersonSummary kept = chosen.get(0);
            PersonSummary other = chosen.get(1);
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(getTranslation("person.merge"));
            confirm.setText(new Paragraph(getTranslation("person.merge.confirm", kept.fullName(), other.fullName())));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(getTranslation("person.merge"));
            confirm.addConfirmListener(c -> {
                try {
                    persons.merge(kept.id(), other.id());
                    Notifications.success("person.merged", other.fullName(), kept.fullName());
                    grid.deselectAll();
                    grid.getDataProvider().refreshAll();
                } catch (ValidationException invalid) {
                    Notifications.error(invalid);
                }
            });
            confirm.open();
        });
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        merge.setId("merge-persons");
        Button link = new Button(getTranslation("person.linkAccount"), PortalIcon.LINK.create(), e -> {
            if (grid.getSelectedItems().size() != 1) {
                Notifications.error(new ValidationException("person.error.chooseOne"));
                return;
            }
            confirmLink(persons, grid.getSelectedItems().iterator().next(), grid);
        });
        link.setId("link-account");
        FlexLayout toolbar = new FlexLayout(search, merge, link);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("toolbar");
        add(new Paragraph(getTranslation("person.help")), toolbar, grid);
    }

    /** A coordinator confirms that an account belongs to this person; audited by the service. */
    private void confirmLink(PersonMergeService persons, PersonSummary person, Grid<PersonSummary> grid) {
        TextField login = new TextField(getTranslation("person.linkAccount.login"));
        login.setId("link-account-login");
        login.setWidthFull();
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("person.linkAccount") + ": " + person.fullName());
        confirm.setText(new VerticalLayout(new Paragraph(getTranslation("person.linkAccount.help")), login));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("person.linkAccount"));
        confirm.setCloseOnEsc(true);
        confirm.addConfirmListener(c -> {
            try {
                persons.linkAccount(person.id(), login.getValue());
                Notifications.success("person.linked", person.fullName(), login.getValue().strip());
                grid.deselectAll();
                grid.getDataProvider().refreshAll();
            } catch (ValidationException invalid) {
                Notifications.error(invalid);
            }
        });
        confirm.open();
    }
}
