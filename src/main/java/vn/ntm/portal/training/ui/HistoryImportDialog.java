package vn.ntm.portal.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
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
import vn.ntm.portal.training.HistoryImportReport;
import vn.ntm.portal.training.HistoryImportService;
import vn.ntm.portal.training.RosterSpreadsheets;

import java.io.ByteArrayInputStream;

/** Classes of past years from one sheet: all rows stored, or none with every problem listed. */
class HistoryImportDialog extends Dialog {

    HistoryImportDialog(HistoryImportService history, RosterSpreadsheets sheets, Runnable afterImport) {
        setHeaderTitle(getTranslation("history.import.title"));
        setWidth("min(56rem, 100vw)");
        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] xlsx = sheets.historyTemplate();
            return new DownloadResponse(new ByteArrayInputStream(xlsx), "mau-lop-cac-nam-truoc.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.length);
        }), getTranslation("history.import.template"));
        Paragraph status = new Paragraph();
        status.setId("history-status");
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.setVisible(false);
        Grid<HistoryImportReport.LineProblem> problems = new Grid<>();
        problems.addColumn(HistoryImportReport.LineProblem::line).setHeader(getTranslation("unit.import.line")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.arguments().toArray())).setHeader(getTranslation("unit.import.problem"));
        problems.setHeight("16rem");
        problems.setVisible(false);
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> {
                progress.setVisible(true);
                problems.setVisible(false);
                BackgroundJob.run(ui, () -> history.importFile(bytes),
                        report -> {
                            progress.setVisible(false);
                            if (report.accepted()) {
                                status.setText(getTranslation("history.import.done", report.classes(), report.participants(),
                                        report.sessionAttendances()));
                                afterImport.run();
                            } else {
                                status.setText(getTranslation("history.import.refused", report.problems().size()));
                                problems.setItems(report.problems());
                                problems.setVisible(true);
                            }
                        },
                        invalid -> {
                            progress.setVisible(false);
                            status.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
                        },
                        failure -> {
                            progress.setVisible(false);
                            status.setText(getTranslation(failure));
                        });
            });
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(20 * 1024 * 1024);
        upload.setAcceptedFileTypes(".xlsx", ".csv");
        add(new Paragraph(getTranslation("history.import.help")), template, upload, progress, status, problems);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
        // progress comes by server push; polling while the dialog is open delivers it even when push reconnects
        addOpenedChangeListener(e -> getUI().ifPresent(ui -> ui.setPollInterval(e.isOpened() ? 1000 : -1)));
    }
}
