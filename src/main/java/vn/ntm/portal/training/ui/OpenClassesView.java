package vn.ntm.portal.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.EnrolmentRequestService;
import vn.ntm.portal.training.EnrolmentRequestView;

/** Open classes of the trainee's commune and province, and their requests to join. */
@Route("open-classes")
@PageTitle("nav.openClasses")
@Menu(title = "nav.openClasses", order = 7, icon = "vaadin:calendar-user")
@RolesAllowed("TRAINEE")
class OpenClassesView extends VerticalLayout {

    OpenClassesView(EnrolmentRequestService requests) {
        Grid<EnrolmentRequestView> mine = new Grid<>();
        mine.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        mine.addColumn(EnrolmentRequestView::classTitle).setHeader(getTranslation("training.title")).setFlexGrow(1);
        mine.addColumn(r -> getTranslation("request.status." + r.status().name())).setHeader(getTranslation("training.status"))
                .setAutoWidth(true);
        mine.setItems(requests.mine());
        mine.setAllRowsVisible(true);
        mine.setId("my-requests");
        mine.setEmptyStateText(getTranslation("openClasses.noRequests"));

        Grid<ClassSummary> open = new Grid<>();
        // one card per class: the title wraps and the button sits under it, so nothing is pushed off a phone's screen
        open.addComponentColumn(c -> {
            Span title = new Span(c.title());
            title.addClassName("class-title");
            Span dates = new Span(getTranslation("training.dates", ClassesView.DATE.format(c.startDate()), ClassesView.DATE.format(c.endDate()))
                    + " · " + c.unitName() + " · " + getTranslation("training.mode." + c.mode().name()));
            dates.addClassName("class-facts");
            Button ask = new Button(getTranslation("request.ask"), e -> {
                try {
                    requests.request(c.id());
                    Notifications.success("request.sent");
                    mine.setItems(requests.mine());
                } catch (ValidationException invalid) {
                    Notifications.error(invalid);
                }
            });
            ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            ask.addClassName("request-join");
            Div card = new Div(title, dates, ask);
            card.addClassName("class-card");
            return card;
        }).setHeader(getTranslation("training.title")).setFlexGrow(1);
        open.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        open.setAllRowsVisible(true);
        open.setItems(q -> requests.openClasses(q.getOffset(), q.getLimit()).stream());
        open.setId("open-classes");
        // an empty grid says why, rather than looking broken
        open.setEmptyStateText(getTranslation("openClasses.empty"));
        add(open, new H3(getTranslation("request.mine")), mine);
    }
}
