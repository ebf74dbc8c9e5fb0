package vn.ntm.portal.unit.ui;

import vn.ntm.portal.shell.ComponentTexts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import vn.ntm.portal.common.BackgroundJob;
import vn.ntm.portal.unit.ImportProblem;
import vn.ntm.portal.unit.ImportReport;
import vn.ntm.portal.unit.UnitImportService;


/**
 * Upload of the official JSON list or a CSV. The import runs off the request thread with a progress bar;
 * the summary lists what changed, or every problem (line, code, message) when the file was refused.
 */
class UnitImportDialog extends Dialog {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    private final UnitImportService importService;
    private final Runnable afterImport;
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph status = new Paragraph();
    private final Grid<ImportProblem> problems = new Grid<>();

    UnitImportDialog(UnitImportService importService, Runnable afterImport) {
        this.importService = importService;
        this.afterImport = afterImport;
        setHeaderTitle(getTranslation("unit.import.title"));
        setWidth("min(48rem, 100vw)");

        Paragraph help = new Paragraph(getTranslation("unit.import.help"));
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> start(ui, meta.fileName(), bytes));
        }));
        upload.setMaxFiles(1);
        ComponentTexts.localize(upload);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes(".json", ".csv", "application/json", "text/csv");
        upload.addFileRejectedListener(e -> status.setText(getTranslation("unit.import.rejected", MAX_BYTES / 1024 / 1024)));
        upload.setId("unit-upload");

        progress.setVisible(false);
        progress.setId("import-progress");
        status.setId("import-status");
        problems.addColumn(p -> p.line() == 0 ? "" : String.valueOf(p.line())).setHeader(getTranslation("unit.import.line"))
                .setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> p.code() == null ? "" : p.code()).setHeader(getTranslation("unit.code")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.arguments().toArray())).setHeader(getTranslation("unit.import.problem"));
        problems.setVisible(false);
        problems.setAllRowsVisible(false);
        problems.setHeight("16rem");
        problems.setId("import-problems");

        add(help, upload, progress, status, problems);
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("close-import");
        getFooter().add(close);
        // progress comes by server push; polling while the dialog is open delivers it even when push reconnects
        addOpenedChangeListener(e -> getUI().ifPresent(ui -> ui.setPollInterval(e.isOpened() ? 1000 : -1)));
    }

    private void start(UI ui, String fileName, byte[] bytes) {
        progress.setVisible(true);
        progress.setIndeterminate(true);
        problems.setVisible(false);
        status.setText(getTranslation("unit.import.running", fileName));
        BackgroundJob.run(ui,
                () -> importService.importFile(fileName, bytes, (done, total) ->
                        ui.access(() -> {
                            progress.setIndeterminate(false);
                            progress.setValue(total == 0 ? 1 : (double) done / total);
                        })),
                this::show,
                invalid -> {
                    progress.setVisible(false);
                    status.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
                },
                failure -> {
                    progress.setVisible(false);
                    status.setText(getTranslation(failure));
                });
    }

    private void show(ImportReport report) {
        progress.setVisible(false);
        if (report.accepted()) {
            status.setText(getTranslation("unit.import.done", report.records(), report.created(), report.updated(), report.unchanged()));
            afterImport.run();
        } else {
            status.setText(getTranslation("unit.import.refused", report.problems().size()));
            problems.setItems(report.problems());
            problems.setVisible(true);
        }
    }
}
