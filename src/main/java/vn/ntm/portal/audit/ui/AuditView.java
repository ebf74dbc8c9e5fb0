package vn.ntm.portal.audit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
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
import vn.ntm.portal.audit.AuditEntry;
import vn.ntm.portal.audit.AuditQuery;
import vn.ntm.portal.audit.AuditSubject;
import vn.ntm.portal.audit.AuditTrail;
import vn.ntm.portal.audit.AuditedChange;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.ntm.portal.shell.PortalIcon;

/** The audit trail within the reader's scope, newest first; read-only by design. */
@Route("audit")
@PageTitle("nav.audit")
@Menu(title = "nav.audit", order = 45, icon = "vaadin:clipboard-text")
@RolesAllowed({"ADMIN", "COORDINATOR"})
class AuditView extends VerticalLayout {

    private final DateTimeFormatter time;

    private final ComboBox<AuditSubject> subject = new ComboBox<>();
    private final TextField text = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();

    AuditView(AuditTrail trail) {
        time = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(trail.zone());
        setSizeFull();
        addClassName("audit-view");
        subject.setItems(AuditSubject.values());
        subject.setItemLabelGenerator(s -> getTranslation("audit.subject." + s.name()));
        subject.setPlaceholder(getTranslation("audit.filter.subject"));
        subject.setAriaLabel(getTranslation("audit.filter.subject"));
        subject.setClearButtonVisible(true);
        text.setPlaceholder(getTranslation("audit.filter.text"));
        text.setAriaLabel(getTranslation("audit.filter.text"));
        text.setPrefixComponent(PortalIcon.SEARCH.create());
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        from.setPlaceholder(getTranslation("audit.filter.from"));
        from.setAriaLabel(getTranslation("audit.filter.from"));
        to.setPlaceholder(getTranslation("audit.filter.to"));
        to.setAriaLabel(getTranslation("audit.filter.to"));

        Grid<AuditEntry> grid = new Grid<>();
        grid.addColumn(e -> time.format(e.at())).setHeader(getTranslation("audit.at")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actorName).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.subject." + e.subject().name()) + ": " + e.subjectLabel())
                .setHeader(getTranslation("audit.subject")).setFlexGrow(1);
        grid.addColumn(e -> getTranslation("audit.action." + e.action().name())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addComponentColumn(this::changes).setHeader(getTranslation("audit.changes")).setFlexGrow(2);
        grid.setItems(q -> trail.find(query(), q.getOffset(), q.getLimit()).stream(), q -> (int) trail.count(query()));
        grid.setSizeFull();
        grid.addClassName("audit-grid");
        subject.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        text.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        FlexLayout filters = new FlexLayout(subject, text, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("toolbar");
        add(new Paragraph(getTranslation("audit.help")), filters, grid);
    }

    private AuditQuery query() {
        return new AuditQuery(subject.getValue(), text.getValue(), from.getValue(), to.getValue());
    }

    private Div changes(AuditEntry entry) {
        Div list = new Div();
        list.addClassName("audit-changes");
        for (AuditedChange.FieldChange field : entry.fields()) {
            Span line = new Span(fieldName(field.field()) + ": " + value(entry, field.field(), field.oldValue()) + " → "
                    + value(entry, field.field(), field.newValue()));
            line.getStyle().set("display", "block");
            list.add(line);
        }
        return list;
    }

    /** The field in the reader's words; a field without a translation keeps its stored name. */
    private String fieldName(String field) {
        return translated("audit.field." + field).orElse(field);
    }

    /**
     * Stored values are written as the code wrote them (enum names such as PRESENT or MANUAL, true/false); the reader
     * sees them in their language, looked up by the field's own vocabulary first, then by the audit's.
     */
    private String value(AuditEntry entry, String field, @org.jspecify.annotations.Nullable String value) {
        if (value == null) {
            return "—";
        }
        if (!CODE.matcher(value).matches()) {
            return value;
        }
        List<String> prefixes = switch (field) {
            case "status" -> entry.subject() == AuditSubject.CLASS
                    ? List.of("training.status.", "moduleStatus.", "programmeStatus.")
                    : List.of("attendance.status.", "training.status.", "moduleStatus.", "programmeStatus.");
            case "role" -> List.of("role.");
            case "organisingLevel" -> List.of("training.level.");
            case "traineeLevel", "levels" -> List.of("traineeLevel.");
            case "feedbackMode" -> List.of("feedbackMode.");
            case "kind" -> List.of("questionKind.");
            case "audience" -> List.of("moduleAudience.");
            default -> List.of();
        };
        for (String prefix : prefixes) {
            Optional<String> known = translated(prefix + value);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return translated("audit.value." + value).orElse(value);
    }

    private Optional<String> translated(String key) {
        String text = getTranslation(key);
        return text == null || text.isBlank() || text.contains(key) ? Optional.empty() : Optional.of(text);
    }

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]*|true|false");
}
