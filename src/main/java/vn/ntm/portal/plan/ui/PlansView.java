package vn.ntm.portal.plan.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.plan.PlanImportService;
import vn.ntm.portal.plan.PlanLine;
import vn.ntm.portal.plan.PlanService;
import vn.ntm.portal.shell.PortalIcon;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;
import vn.ntm.portal.unit.ui.UnitPicker;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/** The plans of the coordinator's units (all for administrators), a page at a time, by year and unit. */
@Route("plans")
@PageTitle("nav.plans")
@Menu(title = "nav.plans", order = 34.5, icon = "vaadin:calendar-clock")
@RolesAllowed({"ADMIN", "COORDINATOR"})
class PlansView extends VerticalLayout {

    private final IntegerField year = new IntegerField();
    private final ComboBox<UnitSummary> unit;

    PlansView(PlanService plans, PlanImportService imports, UnitDirectory units) {
        setSizeFull();
        year.setLabel(getTranslation("plan.year"));
        year.setValue(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
        year.setClearButtonVisible(true);
        year.setId("plan-filter-year");
        unit = UnitPicker.create(units, getTranslation("plan.unit"));
        unit.setClearButtonVisible(true);
        unit.setId("plan-filter-unit");

        Grid<PlanLine> grid = new Grid<>();
        grid.addColumn(PlanLine::unitName).setHeader(getTranslation("plan.unit")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(PlanLine::year).setHeader(getTranslation("plan.year")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> getTranslation("training.level." + l.organisingLevel().name())).setHeader(getTranslation("plan.organisingLevel"))
                .setAutoWidth(true);
        grid.addColumn(l -> l.traineeLevel() == null ? getTranslation("plan.allTrainees") : getTranslation("traineeLevel." + l.traineeLevel().name()))
                .setHeader(getTranslation("plan.traineeLevel")).setAutoWidth(true);
        grid.addColumn(l -> number(l.plannedClasses())).setHeader(getTranslation("plan.classes")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> number(l.plannedParticipations())).setHeader(getTranslation("plan.participations"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> number(l.plannedBudgetVnd())).setHeader(getTranslation("plan.budget")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(q -> plans.list(year.getValue(), unitId(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) plans.count(year.getValue(), unitId()));
        grid.setId("plans");
        grid.setSizeFull();
        grid.addItemClickListener(e -> new PlanDialog(plans, units, e.getItem(), grid.getDataProvider()::refreshAll).open());
        year.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        unit.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        Button add = new Button(getTranslation("plan.add"), PortalIcon.PLUS.create(),
                e -> new PlanDialog(plans, units, null, grid.getDataProvider()::refreshAll).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("new-plan-row");
        Button importSheet = new Button(getTranslation("plan.import"), PortalIcon.UPLOAD.create(),
                e -> new PlanImportDialog(imports, grid.getDataProvider()::refreshAll).open());
        importSheet.setId("import-plans");
        HorizontalLayout bar = new HorizontalLayout(year, unit, add, importSheet);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        Paragraph help = new Paragraph(getTranslation("plan.help"));
        help.addClassName("stat-label");
        add(bar, help, grid);
    }

    private @Nullable Long unitId() {
        return unit.getValue() == null ? null : unit.getValue().id();
    }

    static String number(long n) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.of("vi", "VN"));
        symbols.setGroupingSeparator('.');
        return new DecimalFormat("#,##0", symbols).format(n);
    }
}
