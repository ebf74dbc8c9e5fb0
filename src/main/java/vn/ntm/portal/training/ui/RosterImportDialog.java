package vn.ntm.portal.training.ui;

import vn.ntm.portal.shell.ComponentTexts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import vn.ntm.portal.common.BackgroundJob;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.RosterImportService;
import vn.ntm.portal.training.RosterPreview;
import vn.ntm.portal.training.RosterSpreadsheets;

import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;

/**
 * Roster import: download the template, upload a filled XLSX or CSV, read the preview (every row's problems and
 * how it matches stored persons), then commit explicitly. Long files show a progress bar.
 */
class RosterImportDialog extends Dialog {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RosterImportService imports;
    private final ClassSummary trainingClass;
    private final Runnable afterCommit;
    private final Paragraph summary = new Paragraph();
    private final Grid<RosterPreview.Row> rows = new Grid<>();
    private final Checkbox skipInvalid = new Checkbox();
    private final Checkbox sameLookalikes = new Checkbox();
    private final Button commit = new Button();
    private final ProgressBar progress = new ProgressBar();
    private RosterPreview preview;

    RosterImportDialog(RosterImportService imports, RosterSpreadsheets sheets, ClassSummary trainingClass, Runnable afterCommit) {
        this.imports = imports;
        this.trainingClass = trainingClass;
        this.afterCommit = afterCommit;
        setHeaderTitle(getTranslation("roster.import.title"));
        setWidth("min(60rem, 100vw)");
        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] xlsx = sheets.template();
            return new DownloadResponse(new ByteArrayInputStream(xlsx), "mau-danh-sach-hoc-vien.xlsx", XLSX, xlsx.length);
        }), getTranslation("roster.import.template"));
        template.setId("roster-template");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> read(bytes));
        }));
        upload.setMaxFiles(1);
        ComponentTexts.localize(upload);
        upload.setMaxFileSize(20 * 1024 * 1024);
        // .ods is accepted so that the server can say how to save it as .xlsx, rather than the upload refusing it silently
        upload.setAcceptedFileTypes(".xlsx", ".csv", ".ods", XLSX, "text/csv", "application/vnd.oasis.opendocument.spreadsheet");
        upload.setId("roster-upload");
        summary.setId("roster-import-summary");
        rows.addColumn(RosterPreview.Row::line).setHeader(getTranslation("unit.import.line")).setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(r -> r.details().fullName()).setHeader(getTranslation("roster.fullName")).setAutoWidth(true);
        // the level the roster place will record, and whether the level column or the position gave it
        rows.addColumn(r -> (r.details().level() == null ? "—" : getTranslation("traineeLevel." + r.details().level().name()))
                + " (" + getTranslation("history.levelSource." + r.levelSource().name()) + ")")
                .setHeader(getTranslation("history.preview.level")).setAutoWidth(true);
        rows.addColumn(r -> r.valid() ? getTranslation("roster.import.match." + r.match().kind().name())
                : r.problems().stream().map(p -> getTranslation(p.messageKey(), p.arguments().toArray())).collect(Collectors.joining("; ")))
                .setHeader(getTranslation("roster.import.result")).setFlexGrow(1);
        rows.setPartNameGenerator(r -> r.valid() ? null : "row-error");
        rows.setHeight("18rem");
        rows.setVisible(false);
        rows.setId("roster-import-rows");
        skipInvalid.setLabel(getTranslation("roster.import.skipInvalid"));
        sameLookalikes.setLabel(getTranslation("roster.import.sameLookalikes"));
        progress.setVisible(false);
        commit.setText(getTranslation("roster.import.commit"));
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.setEnabled(false);
        commit.setId("roster-import-commit");
        commit.addClickListener(e -> store(UI.getCurrent()));
        add(new Paragraph(getTranslation("roster.import.help")), template, upload, summary, rows, skipInvalid, sameLookalikes, progress);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()), commit);
        // progress comes by server push; polling while the dialog is open delivers it even when push reconnects
        addOpenedChangeListener(e -> getUI().ifPresent(ui -> ui.setPollInterval(e.isOpened() ? 1000 : -1)));
    }

    /** What an upload does with the file's bytes (package-visible for the view tests). */
    void read(byte[] bytes) {
        try {
            preview = imports.preview(trainingClass.id(), bytes);
            summary.setText(getTranslation("roster.import.preview", preview.rows().size(), preview.valid(), preview.invalid(),
                    preview.byNationalId(), preview.byPhone(), preview.possibleDuplicates(), preview.newPersons()));
            rows.setItems(preview.rows());
            rows.setVisible(true);
            commit.setEnabled(preview.valid() > 0);
        } catch (ValidationException invalid) {
            preview = null;
            rows.setVisible(false);
            commit.setEnabled(false);
            summary.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
        }
    }

    private void store(UI ui) {
        RosterPreview toStore = preview;
        boolean skip = skipInvalid.getValue();
        boolean same = sameLookalikes.getValue();
        commit.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        BackgroundJob.run(ui,
                () -> imports.commit(trainingClass.id(), toStore, skip, same,
                        (done, total) -> ui.access(() -> progress.setValue((double) done / Math.max(total, 1)))),
                added -> {
                    progress.setVisible(false);
                    summary.setText(getTranslation("roster.import.done", added));
                    afterCommit.run();
                },
                invalid -> {
                    progress.setVisible(false);
                    commit.setEnabled(true);
                    summary.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
                },
                failure -> {
                    progress.setVisible(false);
                    commit.setEnabled(true);
                    summary.setText(getTranslation(failure));
                });
    }
}
