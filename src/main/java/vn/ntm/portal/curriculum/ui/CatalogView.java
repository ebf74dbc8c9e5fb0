package vn.ntm.portal.curriculum.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.curriculum.ProgrammeStatus;
import vn.ntm.portal.curriculum.ProgrammeSummary;

import java.util.stream.Collectors;
import vn.ntm.portal.shell.PortalIcon;

/**
 * The catalog of published modules: a search that ignores diacritics and case, filters by programme and trainee
 * level, and a lazy list that loads one page at a time (phones on slow connections first).
 */
@Route("catalog")
@PageTitle("nav.catalog")
@Menu(title = "nav.catalog", order = 5, icon = "vaadin:academy-cap")
@PermitAll
class CatalogView extends VerticalLayout {

    private final CatalogService catalog;
    private final TextField search = new TextField();
    private final Select<ProgrammeSummary> programme = new Select<>();
    private final Select<TraineeLevel> level = new Select<>();
    private final Span count = new Span();
    private final Grid<ModuleSummary> grid = new Grid<>();

    CatalogView(CatalogService catalog) {
        this.catalog = catalog;
        setSizeFull();
        setPadding(true);
        addClassName("catalog-view");

        search.setPlaceholder(getTranslation("catalog.search"));
        search.setAriaLabel(getTranslation("catalog.search"));
        search.setClearButtonVisible(true);
        search.setPrefixComponent(PortalIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("catalog-search");
        search.setWidth("min(100%, 24rem)");
        search.addValueChangeListener(e -> refresh());

        programme.setItems(catalog.programmes().stream().filter(p -> p.status() != ProgrammeStatus.DRAFT).toList());
        programme.setEmptySelectionAllowed(true);
        programme.setEmptySelectionCaption(getTranslation("catalog.programme.all"));
        programme.setItemLabelGenerator(p -> p == null ? getTranslation("catalog.programme.all") : p.title());
        programme.setAriaLabel(getTranslation("catalog.programme"));
        programme.setId("catalog-programme");
        programme.setWidth("min(100%, 24rem)");
        programme.addValueChangeListener(e -> refresh());

        level.setItems(TraineeLevel.values());
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("catalog.level.all"));
        level.setItemLabelGenerator(l -> l == null ? getTranslation("catalog.level.all") : getTranslation("traineeLevel." + l.name()));
        level.setAriaLabel(getTranslation("catalog.level"));
        level.setId("catalog-level");
        level.addValueChangeListener(e -> refresh());

        FlexLayout toolbar = new FlexLayout(search, programme, level);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("toolbar");
        count.setId("catalog-count");

        grid.addColumn(new ComponentRenderer<>(this::card)).setHeader(getTranslation("catalog.modules"));
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.setId("catalog-grid");
        grid.setItems(q -> catalog.search(programmeId(), level.getValue(), search.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) catalog.count(programmeId(), level.getValue(), search.getValue()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("module/" + e.getItem().id())));

        add(toolbar, count, grid);
        refreshCount();
    }

    private Component card(ModuleSummary m) {
        Anchor title = new Anchor("module/" + m.id(), m.title());
        title.getStyle().set("font-weight", "600");
        Span where = new Span(getTranslation("catalog.topicOf", m.topicNumber(), m.topicTitle(), m.programmeTitle()));
        where.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Span summary = new Span(m.summary() == null ? "" : m.summary());
        summary.getStyle().set("font-size", "var(--lumo-font-size-s)");
        Span levels = new Span(getTranslation("catalog.for", m.levels().stream()
                .map(l -> getTranslation("traineeLevel." + l.name())).collect(Collectors.joining(", "))));
        levels.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        Div card = new Div(title, where, summary, levels);
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("white-space", "normal").set("padding", "var(--lumo-space-xs) 0");
        card.addClassName("module-card");
        return card;
    }

    private Long programmeId() {
        return programme.getValue() == null ? null : programme.getValue().id();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        refreshCount();
    }

    private void refreshCount() {
        count.setText(getTranslation("catalog.count", catalog.count(programmeId(), level.getValue(), search.getValue())));
    }
}
