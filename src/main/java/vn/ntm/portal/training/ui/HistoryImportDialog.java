package vn.ntm.portal.training.ui;

import vn.ntm.portal.shell.ComponentTexts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import vn.ntm.portal.common.BackgroundJob;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.training.HistoryImportReport;
import vn.ntm.portal.training.HistoryImportService;
import vn.ntm.portal.training.HistoryPreview;
import vn.ntm.portal.training.RosterSpreadsheets;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Classes of past years from one sheet: first a preview of how every row will be counted (and which columns are
 * ignored), then all rows stored or none, or on request only the good rows, with the bad rows to download and fix.
 */
class HistoryImportDialog extends Dialog {

    private final HistoryImportService history;
    private final Runnable afterImport;
    private final Paragraph status = new Paragraph();
    private final Paragraph ignored = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final Grid<HistoryPreview.Row> rows = new Grid<>();
    private final Grid<HistoryImportReport.LineProblem> problems = new Grid<>();
    private final Button importAll = new Button();
    private final Button importGood = new Button();
    private final Anchor badRows = new Anchor();
    private byte[] content;
    private HistoryPreview preview;

    HistoryImportDialog(HistoryImportService history, RosterSpreadsheets sheets, Runnable afterImport) {
        this.history = history;
        this.afterImport = afterImport;
        setHeaderTitle(getTranslation("history.import.title"));
        setWidth("min(72rem, 100vw)");
        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] xlsx = sheets.historyTemplate();
            return new DownloadResponse(new ByteArrayInputStream(xlsx), "mau-lop-cac-nam-truoc.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.length);
        }), getTranslation("history.import.template"));
        Anchor dissolved = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = history.dissolvedUnitsCsv();
            return new DownloadResponse(new ByteArrayInputStream(csv), "don-vi-da-giai-the.csv", "text/csv", csv.length);
        }), getTranslation("history.import.dissolvedUnits"));
        dissolved.setId("history-dissolved-units");
        status.setId("history-status");
        ignored.setId("history-ignored");
        ignored.setVisible(false);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        rows.setId("history-rows");
        rows.addColumn(HistoryPreview.Row::line).setHeader(getTranslation("unit.import.line")).setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(HistoryPreview.Row::classCode).setHeader(getTranslation("history.preview.class")).setAutoWidth(true);
        rows.addColumn(HistoryPreview.Row::fullName).setHeader(getTranslation("history.preview.person")).setAutoWidth(true);
        rows.addColumn(r -> !r.valid() ? "" : r.sameAsLine() == null ? getTranslation("roster.import.match." + r.match().name())
                        : getTranslation("history.preview.sameAsLine." + r.match().name(), r.sameAsLine()))
                .setHeader(getTranslation("history.preview.match")).setAutoWidth(true);
        rows.addColumn(r -> (r.level() == null ? "—" : getTranslation("traineeLevel." + r.level().name()))
                        + " (" + getTranslation("history.levelSource." + r.levelSource().name()) + ")")
                .setHeader(getTranslation("history.preview.level")).setAutoWidth(true);
        rows.addColumn(r -> r.mode() == null ? "" : getTranslation("training.mode." + r.mode().name()))
                .setHeader(getTranslation("history.preview.mode")).setAutoWidth(true);
        rows.addColumn(r -> r.unitToday() == null ? "" : r.unitToday()).setHeader(getTranslation("history.preview.unitToday")).setAutoWidth(true);
        rows.addColumn(r -> text(r.problems())).setHeader(getTranslation("history.preview.problems")).setFlexGrow(1);
        rows.setPartNameGenerator(r -> r.valid() ? null : "row-error");
        rows.setHeight("20rem");
        rows.setVisible(false);
        problems.addColumn(HistoryImportReport.LineProblem::line).setHeader(getTranslation("unit.import.line")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.arguments().toArray())).setHeader(getTranslation("unit.import.problem"));
        problems.setHeight("12rem");
        problems.setVisible(false);
        importAll.setText(getTranslation("history.import.all"));
        importAll.setId("history-import-all");
        importAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importAll.addClickListener(e -> run(() -> history.importFile(content, false)));
        importGood.setText(getTranslation("history.import.goodRows"));
        importGood.setId("history-import-good");
        importGood.addClickListener(e -> run(() -> history.importFile(content, true)));
        badRows.setText(getTranslation("history.import.badRows"));
        badRows.setId("history-bad-rows");
        // the download runs outside the UI's request, where getTranslation(key) falls back to the default language:
        // the file is written in the language of the screen it was asked from
        java.util.Locale locale = getLocale();
        badRows.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] csv = preview == null ? new byte[0] : preview.badRowsCsv(getTranslation(locale, "history.badRows.line"),
                    getTranslation(locale, "history.badRows.problems"), p -> getTranslation(locale, p.messageKey(), p.arguments().toArray()));
            return new DownloadResponse(new ByteArrayInputStream(csv), "dong-loi-lop-cac-nam-truoc.csv", "text/csv", csv.length);
        }));
        showActions(false, false);
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> previewFile(ui, bytes));
        }));
        upload.setMaxFiles(1);
        ComponentTexts.localize(upload);
        upload.setMaxFileSize(20 * 1024 * 1024);
        upload.setAcceptedFileTypes(".xlsx", ".csv");
        add(new Paragraph(getTranslation("history.import.help")), new HorizontalLayout(template, dissolved), upload, progress, status, ignored, rows, problems);
        HorizontalLayout actions = new HorizontalLayout(badRows, importGood, importAll, new Button(getTranslation("action.close"), e -> close()));
        actions.setWrap(true); // four actions do not fit a 360-px phone on one line
        getFooter().add(actions);
        // progress comes by server push; polling while the dialog is open delivers it even when push reconnects
        addOpenedChangeListener(e -> getUI().ifPresent(ui -> ui.setPollInterval(e.isOpened() ? 1000 : -1)));
    }

    private void previewFile(UI ui, byte[] bytes) {
        progress.setVisible(true);
        problems.setVisible(false);
        rows.setVisible(false);
        showActions(false, false);
        BackgroundJob.run(ui, () -> history.preview(bytes), read -> {
            progress.setVisible(false);
            content = bytes;
            preview = read;
            if (!read.readable()) {
                status.setText(getTranslation("history.import.refused", read.fileProblems().size()));
                problems.setItems(read.fileProblems());
                problems.setVisible(true);
                return;
            }
            long classes = read.rows().stream().map(HistoryPreview.Row::classCode).distinct().count();
            status.setText(getTranslation("history.import.preview", read.rows().size(), classes, read.valid(), read.invalid()));
            ignored.setText(getTranslation("history.import.ignored", String.join(", ", read.ignoredColumns())));
            ignored.setVisible(!read.ignoredColumns().isEmpty());
            // the grid fetches the rows it shows page by page from the list, however long the sheet
            rows.setItems(read.rows());
            rows.setVisible(true);
            showActions(read.invalid() == 0 && read.valid() > 0, read.invalid() > 0 && read.valid() > 0);
            badRows.setVisible(read.invalid() > 0);
        }, this::refused, this::failed);
    }

    private void run(Supplier<HistoryImportReport> importer) {
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        showActions(false, false);
        BackgroundJob.run(ui, importer, report -> {
            progress.setVisible(false);
            if (report.accepted()) {
                long skippedLines = report.skipped().stream().map(HistoryImportReport.LineProblem::line).distinct().count();
                String stored = skippedLines == 0
                        ? getTranslation("history.import.done", report.classes(), report.participants(), report.sessionAttendances())
                        : getTranslation("history.import.doneSkipped", report.classes(), report.participants(),
                        report.sessionAttendances(), skippedLines);
                status.setText(report.paperCertificates() == 0 ? stored
                        : stored + " " + getTranslation("history.import.donePapers", report.paperCertificates()));
                rows.setVisible(false);
                afterImport.run();
            } else {
                status.setText(getTranslation("history.import.refused", report.problems().size()));
                problems.setItems(report.problems());
                problems.setVisible(true);
            }
        }, this::refused, this::failed);
    }

    private void refused(ValidationException invalid) {
        progress.setVisible(false);
        status.setText(getTranslation(invalid.messageKey(), invalid.arguments()));
    }

    private void failed(String messageKey) {
        progress.setVisible(false);
        status.setText(getTranslation(messageKey));
    }

    private void showActions(boolean all, boolean good) {
        importAll.setVisible(all);
        importGood.setVisible(good);
        badRows.setVisible(good);
    }

    private String text(List<HistoryImportReport.LineProblem> list) {
        return list.stream().map(p -> getTranslation(p.messageKey(), p.arguments().toArray())).collect(Collectors.joining("; "));
    }
}
