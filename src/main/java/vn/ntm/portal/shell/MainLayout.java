package vn.ntm.portal.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import vn.ntm.portal.security.PortalUser;

/**
 * The frame around every signed-in page: the navigation lists exactly the views the person's role may
 * open (Vaadin filters the menu by each view's access annotation), so it differs per role.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** Where the catalog stood among the menu entries when it was a view of the UI. */
    private static final double CATALOG_ORDER = 5;

    private final AuthenticationContext authentication;
    private final H1 viewTitle = new H1();

    public MainLayout(AuthenticationContext authentication) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu"));
        viewTitle.addClassName("view-title");
        HorizontalLayout navbar = new HorizontalLayout(toggle, viewTitle, new LanguageSelect());
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.expand(viewTitle);
        navbar.addClassName("navbar");
        addToNavbar(navbar);
        addToDrawer(header(), new Scroller(navigation()), footer());
    }

    private Div header() {
        Span name = new Span(getTranslation("app.name"));
        name.addClassName("app-name");
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("app-tagline");
        Div header = new Div(name, tagline);
        header.addClassName("drawer-header");
        return header;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
        boolean catalogAdded = false;
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (!catalogAdded && authentication.isAuthenticated() && entry.order() != null && entry.order() > CATALOG_ORDER) {
                nav.addItem(catalogItem());
                catalogAdded = true;
            }
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                PortalIcon.ofMenu(entry.icon()).ifPresent(icon -> item.setPrefixComponent(icon.create()));
            }
            nav.addItem(item);
        }
        if (!catalogAdded && authentication.isAuthenticated()) {
            nav.addItem(catalogItem());
        }
        return nav;
    }

    /**
     * The catalog is a plain page outside the UI (light enough for a phone on 3G), so it is not among the UI's menu
     * entries; every signed-in person may open it, and the item loads it in full rather than through the UI's router.
     */
    private SideNavItem catalogItem() {
        SideNavItem item = new SideNavItem(getTranslation("nav.catalog"), "catalog");
        PortalIcon.ofMenu("vaadin:academy-cap").ifPresent(icon -> item.setPrefixComponent(icon.create()));
        item.setRouterIgnore(true);
        return item;
    }

    private Div footer() {
        Div footer = new Div();
        footer.addClassName("drawer-footer");
        authentication.getAuthenticatedUser(PortalUser.class).ifPresent(user -> {
            Avatar avatar = new Avatar(user.fullName());
            avatar.setTooltipEnabled(false);
            Span name = new Span(user.fullName());
            name.addClassName("user-name");
            Span role = new Span(getTranslation("role." + user.role().name()));
            role.addClassName("user-role");
            Button logout = new Button(getTranslation("shell.logout"), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            logout.setId("logout");
            footer.add(new HorizontalLayout(avatar, new Div(name, role)), logout);
        });
        return footer;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).map(this::getTranslation).orElse(""));
    }
}
