package vn.ntm.portal.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.learning.MyModule;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.EnrolmentRequestView;
import vn.ntm.portal.training.TeachingToday;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The first page after sign-in: what exists for this person, and what to do now, by role (continue learning, today's
 * sessions, the first steps of a new installation).
 */
@Route("")
@PageTitle("nav.home")
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
@PermitAll
class HomeView extends VerticalLayout {

    /** Moments shown as the day they were in Vietnam (the portal clock's zone), whatever the server keeps. */
    private final DateTimeFormatter date;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    HomeView(HomeService home, Clock clock) {
        date = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(clock.getZone());
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
                    fact("home.fact.since", date.format(me.createdAt())));
            if (me.traineeLevel() != null) {
                cards.add(fact("home.fact.level", getTranslation("traineeLevel." + me.traineeLevel().name())));
            }
        }
        add(cards);
        // every home answers "what do I do now?" for its role
        switch (me.role()) {
            case TRAINEE -> traineeNext(home.traineeNext());
            case TRAINER -> teachingToday(home.teachingToday());
            case ADMIN -> firstSteps(home.firstSteps());
            case COORDINATOR -> coordinatorNext();
        }
    }

    private void traineeNext(HomeService.TraineeNext next) {
        Div learning = section("home-continue", "home.continue.title");
        MyModule module = next.continueWith();
        if (module != null) {
            Span title = new Span(module.title());
            title.addClassName("fact-value");
            ProgressBar progress = new ProgressBar(0, 1, module.progress());
            String done = getTranslation("home.continue.progress", module.requiredDone(), module.requiredTotal());
            progress.getElement().setAttribute("aria-label", done);
            Anchor go = fullLoad(link("home-continue-action", getTranslation("home.continue.action"),
                    module.resumeLessonId() != null ? "lesson/" + module.resumeLessonId() : "module/" + module.moduleId()));
            go.addClassName("primary-link");
            learning.add(title, new Paragraph(module.programmeTitle()), progress, new Paragraph(done), go);
        } else {
            learning.add(new Paragraph(getTranslation(next.learnedBefore() ? "home.continue.allDone" : "home.continue.none")),
                    fullLoad(link("home-catalog", getTranslation("home.catalog"), "catalog")));
        }
        add(learning);
        if (!next.myClasses().isEmpty()) {
            Div mine = section("home-my-classes", "home.mine.title");
            for (ClassSummary c : next.myClasses()) {
                mine.add(new Paragraph(getTranslation("home.open.class", c.title(), DAY.format(c.startDate()), DAY.format(c.endDate()))));
            }
            mine.add(new Paragraph(getTranslation("home.mine.checkIn")));
            add(mine);
        }
        Div classes = section("home-open-classes", "home.open.title");
        if (next.openClasses().isEmpty()) {
            classes.add(new Paragraph(getTranslation("home.open.none")));
        } else {
            for (ClassSummary c : next.openClasses()) {
                classes.add(new Paragraph(getTranslation("home.open.class", c.title(), DAY.format(c.startDate()), DAY.format(c.endDate()))));
            }
            classes.add(link("home-open-all", getTranslation("home.open.all"), "open-classes"));
        }
        for (EnrolmentRequestView request : next.requests()) {
            classes.add(new Paragraph(getTranslation("home.request", request.classTitle(),
                    getTranslation("request.status." + request.status().name()))));
        }
        add(classes);
    }

    private void teachingToday(List<TeachingToday.Lesson> today) {
        Div section = section("home-today", "home.today.title");
        if (today.isEmpty()) {
            section.add(new Paragraph(getTranslation("home.today.none")));
        }
        for (TeachingToday.Lesson lesson : today) {
            var s = lesson.session();
            Paragraph what = new Paragraph(getTranslation("home.today.session", TIME.format(s.startsAt()), TIME.format(s.endsAt()),
                    getTranslation("session.part." + s.part().name()), lesson.classTitle(), lesson.classCode()));
            Div actions = new Div(link("home-board-" + s.id(), getTranslation("home.today.board"), "sessions/check-in/" + s.id()),
                    link("home-class-" + s.id(), getTranslation("home.today.attendance"), "classes/" + s.classId()));
            actions.addClassName("home-actions");
            section.add(what, actions);
        }
        section.add(link("home-classes", getTranslation("home.today.classes"), "classes"));
        add(section);
    }

    private void firstSteps(List<HomeService.FirstStep> steps) {
        if (steps.stream().allMatch(HomeService.FirstStep::done)) {
            return;
        }
        Div section = section("home-first-steps", "home.firstSteps.title");
        section.add(new Paragraph(getTranslation("home.firstSteps.help")));
        OrderedList list = new OrderedList();
        for (HomeService.FirstStep step : steps) {
            Anchor go = link("first-step-" + step.key(), getTranslation("home.firstSteps." + step.key()), step.route());
            Span state = new Span(getTranslation(step.done() ? "home.firstSteps.done" : "home.firstSteps.todo"));
            state.addClassName(step.done() ? "step-done" : "step-todo");
            list.add(new ListItem(go, new Span(" — "), state));
        }
        section.add(list);
        add(section);
    }

    private void coordinatorNext() {
        Div section = section("home-next", "home.next.title");
        section.add(new Paragraph(getTranslation("home.next.coordinator")), link("home-classes", getTranslation("home.next.classes"), "classes"));
        add(section);
    }

    private Div section(String id, String titleKey) {
        Div section = new Div(new H3(getTranslation(titleKey)));
        section.setId(id);
        section.addClassName("home-section");
        return section;
    }

    /** A link the router follows inside the page (no reload on a slow network). */
    /** The catalog, module and lesson pages are plain pages outside the UI: the link loads them in full. */
    private static Anchor fullLoad(Anchor anchor) {
        anchor.getElement().removeAttribute("router-link");
        anchor.setRouterIgnore(true);
        return anchor;
    }

    private static Anchor link(String id, String text, String href) {
        Anchor anchor = new Anchor(href, text);
        anchor.getElement().setAttribute("router-link", true);
        anchor.setId(id);
        // a link among paragraphs must not be told apart by its colour alone (WCAG 1.4.1); a finger needs 24 px
        anchor.getStyle().set("text-decoration", "underline").set("display", "inline-flex").set("align-items", "center")
                .set("min-height", "24px");
        return anchor;
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
