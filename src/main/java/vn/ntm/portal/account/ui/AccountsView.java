package vn.ntm.portal.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.shell.PortalIcon;
import vn.ntm.portal.shell.ScreenWidth;
import vn.ntm.portal.unit.OrganisationService;
import vn.ntm.portal.unit.UnitDirectory;

import java.util.List;

/** Accounts within the reader's scope: create, enable or disable, and move to another unit. */
@Route("accounts")
@PageTitle("nav.accounts")
@Menu(title = "nav.accounts", order = 30, icon = "vaadin:users")
@RolesAllowed({"ADMIN", "COORDINATOR"})
class AccountsView extends VerticalLayout {

    private final AccountService accounts;
    private final Grid<AccountSummary> grid = new Grid<>();
    private final TextField search = new TextField();

    AccountsView(AccountService accounts, UnitDirectory units, OrganisationService organisations) {
        this.accounts = accounts;
        setSizeFull();
        search.setPlaceholder(getTranslation("account.search"));
        search.setAriaLabel(getTranslation("account.search"));
        search.setClearButtonVisible(true);
        search.setPrefixComponent(PortalIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button create = new Button(getTranslation("account.new"), PortalIcon.PLUS.create(),
                e -> new AccountDialog(accounts, units, organisations, grid.getDataProvider()::refreshAll).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-account");
        FlexLayout toolbar = new FlexLayout(search, create);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("toolbar");

        grid.addComponentColumn(this::nameCard).setHeader(getTranslation("account.fullName")).setFlexGrow(1).setWidth("7rem");
        List<Grid.Column<AccountSummary>> wide = List.of(
                grid.addColumn(AccountSummary::username).setHeader(getTranslation("account.username")).setAutoWidth(true),
                grid.addColumn(a -> getTranslation("role." + a.role().name())).setHeader(getTranslation("account.role")).setAutoWidth(true),
                grid.addColumn(a -> a.unitName() == null ? "" : a.unitName()).setHeader(getTranslation("account.unit")).setAutoWidth(true));
        // on a phone the name's card line says the user name, role and unit, and the status toggle stays in sight
        ScreenWidth.whenNarrow(this, narrow -> {
            wide.forEach(column -> column.setVisible(!narrow));
            grid.getElement().getClassList().set("wide", !narrow);
        });
        grid.addComponentColumn(this::enabledToggle).setHeader(getTranslation("account.status")).setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Button move = new Button(PortalIcon.SITEMAP.create(), e -> new AccountUnitDialog(accounts, units, a,
                    grid.getDataProvider()::refreshAll).open());
            move.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            move.setTooltipText(getTranslation("account.changeUnit"));
            move.setAriaLabel(getTranslation("account.changeUnit"));
            return move;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(q -> accounts.list(search.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) accounts.count(search.getValue()));
        grid.setSizeFull();
        add(toolbar, grid);
    }

    private Div nameCard(AccountSummary a) {
        Span name = new Span(a.fullName());
        name.addClassName("class-title");
        Span facts = new Span(a.username() + " · " + getTranslation("role." + a.role().name())
                + (a.unitName() == null ? "" : " · " + a.unitName()));
        facts.addClassName("class-facts");
        Div card = new Div(name, facts);
        card.addClassName("class-card");
        return card;
    }

    private Button enabledToggle(AccountSummary account) {
        Span state = new Span(getTranslation(account.enabled() ? "account.enabled" : "account.disabled"));
        Button toggle = new Button(state.getText(), e -> {
            try {
                accounts.setEnabled(account.id(), !account.enabled());
                grid.getDataProvider().refreshAll();
                Notifications.success(account.enabled() ? "account.disabledNow" : "account.enabledNow", account.fullName());
            } catch (ValidationException invalid) {
                Notifications.error(invalid);
            }
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, account.enabled() ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR);
        toggle.setTooltipText(getTranslation(account.enabled() ? "account.disable" : "account.enable"));
        return toggle;
    }
}
