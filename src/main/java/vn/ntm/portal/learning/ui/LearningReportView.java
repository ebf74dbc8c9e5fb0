package vn.ntm.portal.learning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import vn.ntm.portal.learning.AssignmentService;
import vn.ntm.portal.learning.LearningReportService;
import vn.ntm.portal.learning.ModuleFigures;
import vn.ntm.portal.shell.PortalIcon;
import vn.ntm.portal.unit.UnitDirectory;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Enrolments and completions per module among the trainees within the coordinator's scope, with an XLSX export and
 * the assignment of a module to the trainees of a unit.
 */
@Route("learning-report")
@PageTitle("nav.learningReport")
@Menu(title = "nav.learningReport", order = 35, icon = "vaadin:table")
@RolesAllowed({"ADMIN", "COORDINATOR"})
class LearningReportView extends VerticalLayout {

    LearningReportView(LearningReportService reports, AssignmentService assignments, UnitDirectory units) {
        setSizeFull();
        addClassName("learning-report-view");
        List<String> headers = List.of("report.fullName", "report.username", "report.unit", "report.module", "report.version",
                "report.enrolledAt", "report.completedOn", "report.completedVersion").stream().map(this::getTranslation).toList();
        String sheet = getTranslation("nav.learningReport");
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] xlsx = reports.exportXlsx(headers, sheet);
            return new DownloadResponse(new ByteArrayInputStream(xlsx), "hoc-truc-tuyen.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.length);
        }), "");
        export.add(PortalIcon.DOWNLOAD.create());
        export.add(getTranslation("report.export"));
        export.setId("export-xlsx");
        export.getElement().setAttribute("download", true);

        Grid<ModuleFigures> grid = new Grid<>();
        grid.addColumn(ModuleFigures::title).setHeader(getTranslation("report.module")).setFlexGrow(1);
        grid.addColumn(ModuleFigures::enrolments).setHeader(getTranslation("report.enrolments")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ModuleFigures::completions).setHeader(getTranslation("report.completions")).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(q -> reports.figures(q.getOffset(), q.getLimit()).stream(), q -> (int) reports.countModules());
        grid.setSizeFull();
        grid.setId("report-grid");
        Button assign = new Button(getTranslation("assign.open"), PortalIcon.USERS.create(),
                e -> new AssignDialog(assignments, units, () -> grid.getDataProvider().refreshAll()).open());
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.setId("assign-open");
        FlexLayout toolbar = new FlexLayout(assign, export);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.addClassName("toolbar");
        add(toolbar, grid);
    }
}
