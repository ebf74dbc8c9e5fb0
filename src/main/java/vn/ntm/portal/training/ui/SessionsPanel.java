package vn.ntm.portal.training.ui;

import vn.ntm.portal.shell.ComponentTexts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.shell.PortalIcon;
import vn.ntm.portal.shell.ScreenWidth;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.SessionPart;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.training.SessionSummary;

import java.util.EnumSet;

/** Sessions of a class, created in bulk for a range of days and parts of the day. */
class SessionsPanel extends VerticalLayout {

    SessionsPanel(SessionService sessions, ClassSummary c, boolean manages) {
        setPadding(false);
        Grid<SessionSummary> grid = new Grid<>();
        // date, part and time in one wrapping cell so that the check-in button stays on a phone's screen
        grid.addComponentColumn(s -> {
            Span when = new Span(ClassesView.DATE.format(s.date()) + " · " + getTranslation("session.part." + s.part().name()));
            when.addClassName("session-when");
            Span time = new Span(s.startsAt() + " – " + s.endsAt());
            time.addClassName("class-facts");
            Div card = new Div(when, time);
            card.addClassName("class-card");
            return card;
        }).setHeader(getTranslation("session.date")).setFlexGrow(1).setWidth("7rem");
        Grid.Column<SessionSummary> mode = grid.addColumn(s -> getTranslation("training.mode." + s.mode().name()))
                .setHeader(getTranslation("training.mode")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> {
            Button open = new Button(getTranslation("session.checkIn"), PortalIcon.QRCODE.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(CheckInBoardView.class, s.id())));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL);
            open.getElement().setAttribute("data-slot", s.date() + "|" + s.part());
            return open;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        ScreenWidth.whenNarrow(this, narrow -> mode.setVisible(!narrow));
        grid.setItems(sessions.list(c.id()));
        grid.setAllRowsVisible(true);
        grid.setId("sessions");

        if (manages) {
            DatePicker from = new DatePicker(getTranslation("session.from"), c.startDate());
            DatePicker to = new DatePicker(getTranslation("session.to"), c.endDate());
            ComponentTexts.localize(from);
            ComponentTexts.localize(to);
            CheckboxGroup<SessionPart> parts = new CheckboxGroup<>(getTranslation("session.parts"));
            parts.setItems(SessionPart.values());
            parts.setItemLabelGenerator(p -> getTranslation("session.part." + p.name()));
            parts.setValue(EnumSet.of(SessionPart.MORNING, SessionPart.AFTERNOON));
            Button create = new Button(getTranslation("session.bulk"), e -> {
                try {
                    int created = sessions.createBulk(c.id(), from.getValue(), to.getValue(), parts.getValue()).size();
                    grid.setItems(sessions.list(c.id()));
                    Notifications.success("session.created", created);
                } catch (ValidationException invalid) {
                    Notifications.error(invalid);
                }
            });
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("create-sessions");
            FlexLayout form = new FlexLayout(from, to, parts, create);
            form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            form.setAlignItems(FlexComponent.Alignment.BASELINE);
            form.addClassName("toolbar");
            add(form);
        }
        add(grid);
    }
}
