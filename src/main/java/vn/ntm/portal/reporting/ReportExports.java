package vn.ntm.portal.reporting;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link ReportDocument} as XLSX (numbers as numbers, thousands grouped, headers bold), CSV (UTF-8 with a
 * byte-order mark, so spreadsheet programs read the diacritics) or PDF (DejaVu Sans embedded: every Vietnamese letter
 * is drawn by the file itself, whatever the reader has installed). Each starts with the filter, in words. A table whose
 * rows overlap (by trainer) gets its note instead of a Σ row.
 */
@Component
public class ReportExports {

    public byte[] xlsx(ReportDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "NTM", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName(doc.title()));
            int r = 0;
            sheet.value(r, 0, safe(doc.title()));
            sheet.style(r, 0).bold().fontSize(14).set();
            r++;
            for (String line : doc.filterLines()) {
                sheet.value(r++, 0, safe(line));
            }
            sheet.value(r++, 0, safe(doc.bulletin()));
            sheet.value(r++, 0, safe(doc.uniqueNote()));
            for (ReportDocument.Section section : doc.sections()) {
                r++;
                sheet.value(r, 0, safe(section.heading()));
                sheet.style(r, 0).bold().set();
                r++;
                List<String> headers = section.headers(doc);
                for (int c = 0; c < headers.size(); c++) {
                    sheet.value(r, c, safe(headers.get(c)));
                    sheet.style(r, c).bold().wrapText(true).fillColor("DDE7F0").set();
                }
                r++;
                int first = r;
                for (ReportDocument.Line line : section.lines()) {
                    row(sheet, r++, line, false);
                }
                if (section.lines().size() > 1 && section.rowsAddUp()) {
                    // a total of the additive columns; unique participants do not add up and stay empty
                    List<@Nullable Long> sums = new ArrayList<>();
                    for (int c = 0; c < ReportDocument.COUNTERS.size(); c++) {
                        int col = c;
                        boolean additive = !"reports.col.uniqueParticipants".equals(ReportDocument.COUNTERS.get(c))
                                && section.lines().stream().allMatch(l -> l.values().get(col) != null);
                        sums.add(additive ? section.lines().stream().mapToLong(l -> l.values().get(col)).sum() : null);
                    }
                    row(sheet, r++, new ReportDocument.Line("Σ", sums, true), true);
                }
                if (first == r) {
                    r++;
                }
                if (section.note() != null) {
                    sheet.value(r, 0, safe(section.note()));
                    sheet.style(r, 0).italic().set();
                    r++;
                }
            }
            sheet.width(0, 36);
            for (int c = 1; c < doc.headers().size(); c++) {
                sheet.width(c, 16);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void row(Worksheet sheet, int r, ReportDocument.Line line, boolean bold) {
        sheet.value(r, 0, safe(line.label()));
        if (bold || line.total()) {
            sheet.style(r, 0).bold().set();
        }
        for (int c = 0; c < line.values().size(); c++) {
            Long v = line.values().get(c);
            if (v != null) {
                sheet.value(r, c + 1, v);
                var style = sheet.style(r, c + 1).format("#,##0");
                if (bold || line.total()) {
                    style = style.bold();
                }
                style.set();
            } else {
                sheet.value(r, c + 1, "—");
            }
        }
    }

    public byte[] csv(ReportDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
                csv.printRecord(safe(doc.title()));
                for (String line : doc.filterLines()) {
                    csv.printRecord(safe(line));
                }
                csv.printRecord(safe(doc.bulletin()));
                csv.printRecord(safe(doc.uniqueNote()));
                for (ReportDocument.Section section : doc.sections()) {
                    csv.println();
                    List<String> header = new ArrayList<>(section.headers(doc));
                    header.set(0, section.heading());
                    csv.printRecord(header.stream().map(ReportExports::safe).toList());
                    for (ReportDocument.Line line : section.lines()) {
                        List<String> cells = new ArrayList<>();
                        cells.add(safe(line.label()));
                        line.values().forEach(v -> cells.add(v == null ? "" : String.valueOf(v)));
                        csv.printRecord(cells);
                    }
                    if (section.note() != null) {
                        csv.printRecord(safe(section.note()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public byte[] pdf(ReportDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        PdfWriter.getInstance(pdf, out);
        pdf.open();
        BaseFont regular = font("fonts/DejaVuSans.ttf");
        BaseFont bold = font("fonts/DejaVuSans-Bold.ttf");
        Font title = new Font(bold, 15);
        Font text = new Font(regular, 9);
        Font strong = new Font(bold, 9);
        Font small = new Font(regular, 8);
        pdf.add(new Paragraph(doc.title(), title));
        for (String line : doc.filterLines()) {
            pdf.add(new Paragraph(line, text));
        }
        Paragraph bulletin = new Paragraph(doc.bulletin(), strong);
        bulletin.setSpacingBefore(6);
        pdf.add(bulletin);
        pdf.add(new Paragraph(doc.uniqueNote(), small));
        for (ReportDocument.Section section : doc.sections()) {
            Paragraph heading = new Paragraph(section.heading(), strong);
            heading.setSpacingBefore(10);
            heading.setSpacingAfter(4);
            pdf.add(heading);
            List<String> headers = section.headers(doc);
            PdfPTable table = new PdfPTable(headers.size());
            table.setWidthPercentage(100);
            table.setWidths(columnWidths(section, headers.size(), bold, pdf.getPageSize().getWidth() - pdf.leftMargin() - pdf.rightMargin()));
            table.setHeaderRows(1);
            for (String h : headers) {
                PdfPCell cell = new PdfPCell(new Phrase(h, strong));
                cell.setBackgroundColor(new java.awt.Color(0xDD, 0xE7, 0xF0));
                table.addCell(cell);
            }
            for (ReportDocument.Line line : section.lines()) {
                table.addCell(new PdfPCell(new Phrase(line.label(), line.total() ? strong : text)));
                for (Long v : line.values()) {
                    PdfPCell cell = new PdfPCell(new Phrase(v == null ? "—" : Bulletin.number(v), line.total() ? strong : text));
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    table.addCell(cell);
                }
            }
            pdf.add(table);
            if (section.note() != null) {
                pdf.add(new Paragraph(section.note(), small));
            }
        }
        pdf.close();
        return out.toByteArray();
    }

    /**
     * Each number column as wide as its widest figure needs (a budget of hundreds of millions must not break over two
     * lines, as it did once the certificates' column was added), at least 1.2 parts; the names get what is left
     * (3.2 parts when the numbers fit, never under 2). Relative widths, as the table spreads over the page.
     */
    private static float[] columnWidths(ReportDocument.Section section, int columns, BaseFont bold, float pageWidth) {
        float[] need = new float[columns];
        for (ReportDocument.Line line : section.lines()) {
            int i = 1;
            for (Long v : line.values()) {
                if (i < columns) {
                    need[i] = Math.max(need[i], bold.getWidthPoint(v == null ? "—" : Bulletin.number(v), 9) + 6);
                }
                i++;
            }
        }
        float unit = pageWidth / (3.2f + 1.2f * (columns - 1));
        float[] widths = new float[columns];
        float numbers = 0;
        for (int i = 1; i < columns; i++) {
            widths[i] = Math.max(1.2f, need[i] / unit);
            numbers += widths[i];
        }
        widths[0] = Math.max(2.0f, pageWidth / unit - numbers);
        return widths;
    }

    private static BaseFont font(String path) {
        try (InputStream in = ReportExports.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + path);
            }
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont(path.substring(path.lastIndexOf('/') + 1), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell that a spreadsheet would read as a formula gets a leading apostrophe. */
    static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
