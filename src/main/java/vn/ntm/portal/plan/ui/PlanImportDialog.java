package vn.ntm.portal.plan.ui;

import vn.ntm.portal.shell.ComponentTexts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.plan.PlanImportPreview;
import vn.ntm.portal.plan.PlanImportService;
import vn.ntm.portal.unit.ImportProblem;

import java.io.ByteArrayInputStream;

/** Plans from a sheet: the template, the upload, the preview with every problem, then all rows stored or none. */
class PlanImportDialog extends Dialog {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PlanImportService imports;
    private final Runnable afterCommit;
    private final Paragraph summary = new Paragraph();
    private final UnorderedList problems = new UnorderedList();
    private final Grid<PlanImportPreview.Row> rows = new Grid<>();
    private final Button commit = new Button();
    private byte @Nullable [] uploaded;

    PlanImportDialog(PlanImportService imports, Runnable afterCommit) {
        this.imports = imports;
        this.afterCommit = afterCommit;
        setHeaderTitle(getTranslation("plan.import"));
        setWidth("min(60rem, 100vw)");
        setCloseOnOutsideClick(false);
        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] xlsx = imports.template();
            return new DownloadResponse(new ByteArrayInputStream(xlsx), "mau-ke-hoach-dao-tao.xlsx", XLSX, xlsx.length);
        }), getTranslation("plan.import.template"));
        template.setId("plan-template");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> read(bytes));
        }));
        upload.setMaxFiles(1);
        ComponentTexts.localize(upload);
        upload.setMaxFileSize(5 * 1024 * 1024);
        upload.setAcceptedFileTypes(".xlsx", ".csv", XLSX, "text/csv");
        upload.setId("plan-upload");
        summary.setId("plan-import-summary");
        problems.setId("plan-import-problems");
        rows.addColumn(PlanImportPreview.Row::line).setHeader(getTranslation("unit.import.line")).setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(PlanImportPreview.Row::unitName).setHeader(getTranslation("plan.unit")).setAutoWidth(true);
        rows.addColumn(r -> r.form().year()).setHeader(getTranslation("plan.year")).setAutoWidth(true);
        rows.addColumn(r -> getTranslation("training.level." + r.form().organisingLevel().name())).setHeader(getTranslation("plan.organisingLevel"));
        rows.addColumn(r -> r.form().traineeLevel() == null ? getTranslation("plan.allTrainees")
                : getTranslation("traineeLevel." + r.form().traineeLevel().name())).setHeader(getTranslation("plan.traineeLevel"));
        rows.addColumn(r -> PlansView.number(r.form().plannedClasses())).setHeader(getTranslation("plan.classes")).setTextAlign(ColumnTextAlign.END);
        rows.addColumn(r -> PlansView.number(r.form().plannedParticipations())).setHeader(getTranslation("plan.participations"))
                .setTextAlign(ColumnTextAlign.END);
        rows.addColumn(r -> PlansView.number(r.form().plannedBudgetVnd())).setHeader(getTranslation("plan.budget")).setTextAlign(ColumnTextAlign.END);
        rows.setHeight("14rem");
        rows.setVisible(false);
        rows.setId("plan-import-rows");
        commit.setText(getTranslation("plan.import.commit"));
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.setEnabled(false);
        commit.setId("plan-import-commit");
        commit.addClickListener(e -> store());
        add(new Paragraph(getTranslation("plan.import.help")), template, upload, summary, problems, rows);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()), commit);
    }

    private void read(byte[] bytes) {
        problems.removeAll();
        try {
            PlanImportPreview preview = imports.preview(bytes);
            for (ImportProblem p : preview.problems()) {
                problems.add(new ListItem(getTranslation("plan.import.problemAt", p.line(),
                        getTranslation(p.messageKey(), p.arguments().toArray()))));
            }
            rows.setItems(preview.rows());
            rows.setVisible(!preview.rows().isEmpty());
            uploaded = preview.acceptable() ? bytes : null;
            commit.setEnabled(preview.acceptable());
            summary.setText(preview.acceptable() ? getTranslation("plan.import.ready", preview.rows().size())
                    : getTranslation("plan.import.error.refused", preview.problems().size()));
        } catch (ValidationException invalid) {
            uploaded = null;
            rows.setVisible(false);
            commit.setEnabled(false);
            summary.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
        }
    }

    private void store() {
        if (uploaded == null) {
            return;
        }
        try {
            int stored = imports.commit(uploaded);
            summary.setText(getTranslation("plan.import.done", stored));
            commit.setEnabled(false);
            uploaded = null;
            afterCommit.run();
        } catch (ValidationException invalid) {
            summary.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
        }
    }
}
