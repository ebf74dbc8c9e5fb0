package vn.ntm.portal.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.shell.ScreenWidth;
import vn.ntm.portal.training.AttendanceGrid;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.AttendanceStatus;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.SessionSummary;
import vn.ntm.portal.training.domain.AttendanceStore;
import vn.ntm.portal.training.domain.RosterStore;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Roster × sessions, a status select and a note per cell (keyboard: Tab from a cell's status to its note and on to
 * the next cell, arrows to choose a status, Enter or Tab to save a note). Each change is saved at once against the
 * version the trainer saw; if another trainer changed that mark meanwhile, the change is refused with a message and
 * the grid reloads, so nobody's marks or notes are lost silently.
 */
class AttendancePanel extends VerticalLayout {

    private final AttendanceService attendance;
    private final ClassSummary trainingClass;
    private final Runnable afterChange;
    private final Grid<RosterStore.Row> grid = new Grid<>();
    /** On a phone one session's column at a time, chosen here (today's current session first). */
    private final Select<SessionSummary> shown = new Select<>();
    private final Map<SessionSummary, Grid.Column<RosterStore.Row>> columns = new LinkedHashMap<>();
    private boolean narrow;
    private AttendanceGrid data;

    /** A mark refused at commit by Galera (another node wrote the same rows) is saved again: nothing of it was kept. */
    private final vn.ntm.portal.cluster.GaleraRetry retry;

    AttendancePanel(AttendanceService attendance, vn.ntm.portal.cluster.GaleraRetry retry, ClassSummary trainingClass, Runnable afterChange) {
        this.retry = retry;
        this.attendance = attendance;
        this.trainingClass = trainingClass;
        this.afterChange = afterChange;
        setPadding(false);
        setSizeFull();
        // names wrap rather than being cut, beside a status that needs its width
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("attendance");
        grid.setSizeFull();
        shown.setId("attendance-session");
        shown.setLabel(getTranslation("attendance.session"));
        shown.setItemLabelGenerator(this::sessionLabel);
        shown.setVisible(false);
        shown.setWidth("min(100%, 16rem)");
        shown.addValueChangeListener(e -> layColumns());
        add(shown, grid);
        reload();
        ScreenWidth.whenNarrow(this, isNarrow -> {
            narrow = isNarrow;
            layColumns();
        });
    }

    private String sessionLabel(SessionSummary session) {
        return ClassesView.DATE.format(session.date()) + " " + getTranslation("session.part." + session.part().name());
    }

    /**
     * Wide screens show every session, each cell a status and a note side by side; phones show the chosen session
     * only, the note under the status, so the whole cell fits beside the names.
     */
    private void layColumns() {
        shown.setVisible(narrow && !columns.isEmpty());
        columns.forEach((session, column) -> {
            column.setVisible(!narrow || session.equals(shown.getValue()));
            column.setWidth(narrow ? "10rem" : "18.5rem");
        });
        grid.getElement().getClassList().set("narrow", narrow);
    }

    /** The session going on now or next (today's afternoon once the morning is over), else the last one. */
    private SessionSummary current(List<SessionSummary> sessions) {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        return sessions.stream().filter(x -> !x.date().atTime(x.endsAt()).isBefore(now)).findFirst().orElse(sessions.getLast());
    }

    void reload() {
        data = attendance.grid(trainingClass.id());
        grid.removeAllColumns();
        columns.clear();
        grid.addColumn(RosterStore.Row::fullName).setHeader(getTranslation("attendance.person")).setFrozen(true).setWidth("7.5rem")
                .setFlexGrow(1);
        for (SessionSummary session : data.sessions()) {
            Button allPresent = new Button(getTranslation("attendance.allPresent"), e -> allPresent(session));
            allPresent.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            allPresent.setId("all-present-" + session.id());
            Span label = new Span(ClassesView.DATE.format(session.date()) + " " + getTranslation("session.part." + session.part().name()));
            columns.put(session, grid.addComponentColumn(row -> cellWithNote(session, row)).setHeader(new Div(label, allPresent))
                    .setTextAlign(ColumnTextAlign.CENTER).setFlexGrow(0));
        }
        SessionSummary before = shown.getValue();
        shown.setItems(data.sessions());
        if (!data.sessions().isEmpty()) {
            shown.setValue(before != null && data.sessions().contains(before) ? before : current(data.sessions()));
        }
        layColumns();
        grid.setItems(data.roster());
    }

    private FlexLayout cellWithNote(SessionSummary session, RosterStore.Row row) {
        FlexLayout cell = new FlexLayout(cell(session, row), note(session, row));
        cell.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cell.setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        cell.getStyle().set("gap", "var(--lumo-space-xs)");
        return cell;
    }

    /** The note of a mark: saved when the field is left or Enter is pressed; needs a status first. */
    private TextField note(SessionSummary session, RosterStore.Row row) {
        AttendanceStore.Mark mark = data.mark(session.id(), row.personId());
        TextField note = new TextField();
        note.addThemeVariants(TextFieldVariant.LUMO_SMALL);
        note.setPlaceholder(getTranslation("attendance.note"));
        note.setAriaLabel(getTranslation("attendance.noteOf", row.fullName(), ClassesView.DATE.format(session.date()) + " "
                + getTranslation("session.part." + session.part().name())));
        note.getElement().setAttribute("data-note", row.fullName() + "|" + session.date() + "|" + session.part());
        note.setMaxLength(500);
        note.setWidth("8.5rem");
        note.setValue(mark == null || mark.note() == null ? "" : mark.note());
        note.setEnabled(mark != null);
        if (mark == null) {
            note.setTooltipText(getTranslation("attendance.error.noteWithoutMark"));
        }
        note.addValueChangeListener(e -> {
            if (!e.isFromClient() || mark == null) {
                return;
            }
            try {
                retry.run(() -> attendance.note(session.id(), row.personId(), e.getValue(), mark.version()));
                data = attendance.grid(trainingClass.id());
                grid.getDataProvider().refreshItem(row);
            } catch (ValidationException invalid) {
                Notifications.error(invalid);
                reload();
            }
        });
        return note;
    }

    private Select<AttendanceStatus> cell(SessionSummary session, RosterStore.Row row) {
        AttendanceStore.Mark mark = data.mark(session.id(), row.personId());
        Select<AttendanceStatus> select = new Select<>();
        select.setItems(AttendanceStatus.values());
        select.setItemLabelGenerator(s -> s == null ? "—" : getTranslation("attendance.status." + s.name()));
        select.setEmptySelectionAllowed(mark == null);
        select.setEmptySelectionCaption("—");
        select.setValue(mark == null ? null : mark.status());
        select.addThemeVariants(SelectVariant.LUMO_SMALL);
        select.setAriaLabel(row.fullName() + ", " + ClassesView.DATE.format(session.date()) + " "
                + getTranslation("session.part." + session.part().name()));
        select.getElement().setAttribute("data-cell", row.fullName() + "|" + session.date() + "|" + session.part());
        select.setWidth("8.5rem");
        select.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            try {
                retry.run(() -> attendance.mark(session.id(), row.personId(), e.getValue(), mark == null ? null : mark.note(),
                        mark == null ? null : mark.version()));
                data = attendance.grid(trainingClass.id());
                grid.getDataProvider().refreshItem(row);
                afterChange.run();
            } catch (ValidationException invalid) {
                Notifications.error(invalid);
                reload();
            }
        });
        return select;
    }

    private void allPresent(SessionSummary session) {
        try {
            int marked = retry.call(() -> attendance.markAllPresent(session.id()));
            Notifications.success("attendance.allPresentDone", marked);
        } catch (ValidationException invalid) {
            Notifications.error(invalid);
        }
        reload();
        afterChange.run();
    }
}
