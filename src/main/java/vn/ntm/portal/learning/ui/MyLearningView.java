package vn.ntm.portal.learning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ntm.portal.learning.LearningService;
import vn.ntm.portal.learning.MyModule;

/** The reader's modules with a progress bar each and the way back to where they stopped. */
@Route("my-learning")
@PageTitle("nav.myLearning")
@Menu(title = "nav.myLearning", order = 6, icon = "vaadin:book")
@PermitAll
class MyLearningView extends VerticalLayout {

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final LearningService learning;

    MyLearningView(LearningService learning) {
        this.learning = learning;
        setSizeFull();
        addClassName("my-learning-view");
        long count = learning.countMyLearning();
        if (count == 0) {
            Paragraph empty = new Paragraph(getTranslation("learning.none"));
            empty.setId("my-learning-empty");
            Anchor catalog = new Anchor("catalog", getTranslation("learning.backToCatalog"));
            // the catalog, module and lesson pages are plain pages outside the UI: a full page load
            catalog.setRouterIgnore(true);
            add(empty, catalog);
            return;
        }
        Grid<MyModule> grid = new Grid<>();
        grid.addColumn(new ComponentRenderer<>(this::card)).setHeader(getTranslation("nav.myLearning"));
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(q -> learning.myLearning(q.getOffset(), q.getLimit()).stream(), q -> (int) learning.countMyLearning());
        grid.setSizeFull();
        grid.setId("my-learning-grid");
        add(grid);
    }

    private Component card(MyModule m) {
        Anchor title = new Anchor("module/" + m.moduleId(), m.title());
        title.setRouterIgnore(true);
        title.getStyle().set("font-weight", "600");
        Span programme = new Span(m.programmeTitle());
        programme.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        ProgressBar bar = new ProgressBar(0, 1, m.progress());
        bar.getElement().setAttribute("aria-label", getTranslation("learning.progress", m.requiredDone(), m.requiredTotal()));
        Span status = new Span(m.completedOn() != null
                ? getTranslation("learning.completedShort", DATE.format(m.completedOn()))
                : getTranslation("learning.progress", m.requiredDone(), m.requiredTotal()));
        status.getStyle().set("font-size", "var(--lumo-font-size-s)");
        status.addClassName("my-learning-status");
        Div card = new Div(title, programme, bar, status);
        if (m.completedOn() == null && m.resumeLessonId() != null) {
            Button resume = new Button(getTranslation("learning.resume"),
                    e -> getUI().ifPresent(ui -> ui.getPage().setLocation("lesson/" + m.resumeLessonId())));
            resume.addThemeVariants(ButtonVariant.LUMO_SMALL);
            card.add(new Div(resume));
        }
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("white-space", "normal").set("padding", "var(--lumo-space-xs) 0");
        return card;
    }
}
