package vn.ntm.portal.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.security.Role;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The first page after sign-in: what exists for this person, by role. */
@Route("")
@PageTitle("nav.home")
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
@PermitAll
class HomeView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.systemDefault());

    HomeView(HomeService home) {
        addClassName("home-view");
        HomeService.Overview overview = home.overview();
        AccountSummary me = overview.me();
        add(new H2(getTranslation("home.greeting", me.fullName())));
        Span role = new Span(getTranslation("home.role." + me.role().name(), overview.unitLabel()));
        role.setId("home-role");
        add(role);

        Div cards = new Div();
        cards.addClassName("stat-cards");
        if (me.role() == Role.ADMIN || me.role() == Role.COORDINATOR) {
            cards.add(stat("home.stat.provinces", overview.provinces()),
                    stat("home.stat.communes", overview.communes()),
                    stat("home.stat.organisations", overview.organisations()));
            for (Map.Entry<Role, Long> entry : overview.accountsByRole().entrySet()) {
                cards.add(stat("home.stat.accounts." + entry.getKey().name(), entry.getValue()));
            }
        } else {
            cards.add(fact("home.fact.unit", overview.unitLabel()),
                    fact("home.fact.province", overview.provinceName()),
                    fact("home.fact.organisation", overview.organisationName()),
                    fact("home.fact.since", DATE.format(me.createdAt())));
            if (me.traineeLevel() != null) {
                cards.add(fact("home.fact.level", getTranslation("traineeLevel." + me.traineeLevel().name())));
            }
        }
        add(cards);
    }

    private Component stat(String labelKey, long value) {
        Span number = new Span(String.format(getLocale(), "%,d", value));
        number.addClassName("stat-value");
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("stat-label");
        Div card = new Div(number, label);
        card.addClassName("stat-card");
        card.setId(labelKey.replace('.', '-'));
        return card;
    }

    private Component fact(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("stat-label");
        Span text = new Span(value.isEmpty() ? "—" : value);
        text.addClassName("fact-value");
        Div card = new Div(label, text);
        card.addClassName("stat-card");
        card.setId(labelKey.replace('.', '-'));
        return card;
    }
}
