package vn.ntm.portal.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.EnrolmentRequestService;
import vn.ntm.portal.training.EnrolmentRequestStatus;
import vn.ntm.portal.training.EnrolmentRequestView;

/** Requests to join the class and its waiting list: approve or decline. */
class RequestsPanel extends VerticalLayout {

    RequestsPanel(EnrolmentRequestService requests, ClassSummary c, Runnable afterChange) {
        setPadding(false);
        Grid<EnrolmentRequestView> grid = new Grid<>();
        grid.addColumn(EnrolmentRequestView::fullName).setHeader(getTranslation("roster.fullName")).setFlexGrow(1);
        grid.addColumn(r -> getTranslation("request.status." + r.status().name())).setHeader(getTranslation("training.status"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button approve = new Button(getTranslation("request.approve"), e -> act(() -> {
                EnrolmentRequestStatus result = requests.approve(r.id());
                Notifications.success("request.status." + result.name());
            }, grid, requests, c, afterChange));
            approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            approve.setEnabled(r.status() == EnrolmentRequestStatus.PENDING);
            Button decline = new Button(getTranslation("request.decline"), e -> act(() -> requests.decline(r.id()), grid, requests, c,
                    afterChange));
            decline.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return new HorizontalLayout(approve, decline);
        }).setAutoWidth(true);
        grid.setItems(requests.open(c.id()));
        grid.setAllRowsVisible(true);
        grid.setId("requests");
        add(grid);
    }

    private static void act(Runnable action, Grid<EnrolmentRequestView> grid, EnrolmentRequestService requests, ClassSummary c,
                            Runnable afterChange) {
        try {
            action.run();
        } catch (ValidationException invalid) {
            Notifications.error(invalid);
        }
        grid.setItems(requests.open(c.id()));
        afterChange.run();
    }
}
