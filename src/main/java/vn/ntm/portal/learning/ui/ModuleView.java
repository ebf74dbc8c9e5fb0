package vn.ntm.portal.learning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.SvgIcon;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.LessonSummary;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.learning.EnrolmentState;
import vn.ntm.portal.learning.LearningService;
import vn.ntm.portal.learning.ModulePage;
import vn.ntm.portal.shell.Notifications;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import vn.ntm.portal.shell.PortalIcon;

/** A module: what it is, its lessons, and enrolment or the way back to where the trainee stopped. */
@Route("module")
@PageTitle("nav.module")
@PermitAll
class ModuleView extends VerticalLayout implements HasUrlParameter<Long> {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final LearningService learning;
    private long moduleId;
    private int moduleVersion;

    ModuleView(LearningService learning) {
        this.learning = learning;
        addClassName("module-view");
        setMaxWidth("48rem");
    }

    @Override
    public void setParameter(BeforeEvent event, Long moduleId) {
        this.moduleId = moduleId;
        show();
    }

    private void show() {
        removeAll();
        ModulePage page;
        try {
            page = learning.module(moduleId);
        } catch (ValidationException e) {
            Paragraph error = new Paragraph(getTranslation(e.messageKey(), e.arguments()));
            error.addClassName("form-error");
            error.setId("module-error");
            error.getElement().setAttribute("data-outcome", "refused");
            add(error, new Anchor("catalog", getTranslation("learning.backToCatalog")));
            return;
        }
        ModuleSummary m = page.module();
        moduleVersion = m.version();
        H2 title = new H2(m.title());
        title.setId("module-title");
        Span where = new Span(getTranslation("catalog.topicOf", m.topicNumber(), m.topicTitle(), m.programmeTitle()));
        where.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Paragraph summary = new Paragraph(m.summary() == null ? "" : m.summary());
        Span levels = new Span(getTranslation("catalog.for", m.levels().stream()
                .map(l -> getTranslation("traineeLevel." + l.name())).collect(Collectors.joining(", "))));
        levels.getStyle().set("font-size", "var(--lumo-font-size-s)");
        Span version = new Span(getTranslation("learning.version", m.version()));
        version.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        add(title, where, summary, levels, version);

        EnrolmentState state = page.enrolment();
        if (state == null) {
            Button enrol = new Button(getTranslation("learning.enrol"), PortalIcon.PLUS_CIRCLE.create(), e -> enrol());
            enrol.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            enrol.setId("enrol");
            add(enrol);
        } else {
            add(progress(state));
            if (state.resumeLessonId() != null) {
                Button resume = new Button(getTranslation(state.doneLessons().isEmpty() ? "learning.start" : "learning.resume"),
                        PortalIcon.PLAY.create(), e -> getUI().ifPresent(ui -> ui.navigate("lesson/" + state.resumeLessonId())));
                resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                resume.setId("resume");
                add(resume);
            }
        }
        OrderedList list = new OrderedList();
        list.setId("lesson-list");
        for (LessonSummary lesson : page.lessons()) {
            list.add(lessonItem(lesson, state));
        }
        add(list);
    }

    private Component progress(EnrolmentState state) {
        ProgressBar bar = new ProgressBar(0, 1, state.progress());
        bar.setId("module-progress");
        Span text = new Span(state.completed()
                ? getTranslation("learning.completedOn", DATE.format(state.completedOn()), state.completedVersion())
                : getTranslation("learning.progress", state.requiredDone(), state.requiredTotal()));
        text.setId(state.completed() ? "module-completed" : "module-progress-text");
        Div box = new Div(text, bar);
        box.setWidthFull();
        if (state.completed() && state.completedVersion() != null && state.completedVersion() != moduleVersion) {
            Anchor edition = new Anchor("module-edition/" + moduleId + "/" + state.completedVersion(),
                    getTranslation("learning.completedEdition", state.completedVersion()));
            edition.setId("completed-edition");
            box.add(new Div(edition));
        }
        return box;
    }

    private Component lessonItem(LessonSummary lesson, EnrolmentState state) {
        boolean done = state != null && state.doneLessons().contains(lesson.id());
        SvgIcon icon = done ? PortalIcon.CHECK_CIRCLE.create() : PortalIcon.CIRCLE_THIN.create();
        icon.setSize("var(--lumo-icon-size-s)");
        icon.getStyle().set("color", done ? "var(--lumo-success-color)" : "var(--lumo-contrast-50pct)");
        icon.getElement().setAttribute("aria-label", getTranslation(done ? "learning.lessonDone" : "learning.lessonTodo"));
        Component label = state == null ? new Span(lesson.title()) : new Anchor("lesson/" + lesson.id(), lesson.title());
        Span kind = new Span(getTranslation("lesson.kind." + lesson.kind().name())
                + (lesson.required() ? "" : " · " + getTranslation("learning.optional")));
        kind.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        Div text = new Div(label, new Div(kind));
        Div row = new Div(icon, text);
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "flex-start");
        ListItem item = new ListItem(row);
        item.getStyle().set("list-style", "none").set("margin-bottom", "var(--lumo-space-s)");
        return item;
    }

    private void enrol() {
        try {
            learning.enrol(moduleId);
            Notifications.success("learning.enrolled");
        } catch (ValidationException e) {
            Notifications.error(e);
        }
        show();
    }
}
