package vn.ntm.portal.learning.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.curriculum.LessonHtml;
import vn.ntm.portal.curriculum.ModuleEdition;
import vn.ntm.portal.curriculum.QuizChoice;
import vn.ntm.portal.curriculum.QuizQuestion;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One kept edition of a module, read-only: what a trainee completed when the module has changed since, or what an
 * author published before. Text lessons in full, files by name, quiz questions with their options (not the answers).
 */
@Route("module-edition/:moduleId([0-9]+)/:version([0-9]+)")
@PageTitle("nav.moduleEdition")
@PermitAll
class ModuleEditionView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final CatalogService catalog;

    ModuleEditionView(CatalogService catalog) {
        this.catalog = catalog;
        addClassName("module-edition-view");
        setMaxWidth("48rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long moduleId = event.getRouteParameters().getLong("moduleId").orElseThrow();
        int version = event.getRouteParameters().getInteger("version").orElseThrow();
        removeAll();
        Anchor back = new Anchor("module/" + moduleId, getTranslation("edition.backToModule"));
        // the module page is a plain page outside the UI: a full page load
        back.setRouterIgnore(true);
        ModuleEdition edition;
        try {
            edition = catalog.edition(moduleId, version);
        } catch (ValidationException e) {
            Paragraph error = new Paragraph(getTranslation(e.messageKey(), e.arguments()));
            error.addClassName("form-error");
            error.setId("edition-error");
            add(error, back);
            return;
        }
        H2 title = new H2(edition.title());
        title.setId("edition-title");
        Span which = new Span(getTranslation(edition.current() ? "edition.current" : "edition.past", edition.version(),
                WHEN.format(edition.recordedAt())));
        which.getElement().getThemeList().add(edition.current() ? "badge success" : "badge contrast");
        which.setId("edition-version");
        add(back, title, which);
        if (edition.summary() != null) {
            add(new Paragraph(edition.summary()));
        }
        OrderedList lessons = new OrderedList();
        lessons.setId("edition-lessons");
        for (ModuleEdition.Lesson lesson : edition.lessons()) {
            ListItem item = new ListItem();
            item.addClassName("edition-lesson");
            H3 heading = new H3(lesson.title());
            Span kind = new Span(getTranslation("lesson.kind." + lesson.kind().name())
                    + (lesson.required() ? "" : " · " + getTranslation("learning.optional")));
            kind.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
            item.add(heading, kind);
            if (lesson.content() != null) {
                Div text = new Div();
                text.addClassName("lesson-html");
                text.getElement().setProperty("innerHTML", LessonHtml.sanitize(lesson.content()));
                item.add(text);
            }
            if (lesson.fileName() != null) {
                item.add(new Paragraph(getTranslation("edition.file", lesson.fileName())));
            }
            int n = 1;
            for (QuizQuestion q : lesson.questions()) {
                Div question = new Div(new Paragraph(getTranslation("quiz.question", n++) + " " + q.text()));
                OrderedList choices = new OrderedList();
                choices.setType(OrderedList.NumberingType.LOWERCASE_LETTER);
                for (QuizChoice c : q.choices()) {
                    choices.add(new ListItem(c.text()));
                }
                question.add(choices);
                item.add(question);
            }
            lessons.add(item);
        }
        add(lessons);
    }
}
