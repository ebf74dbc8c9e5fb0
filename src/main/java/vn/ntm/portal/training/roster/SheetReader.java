package vn.ntm.portal.training.roster;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import vn.ntm.portal.common.Archives;
import vn.ntm.portal.common.ValidationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the first sheet of an XLSX workbook (streamed) or a UTF-8 CSV (with or without BOM), decided by content,
 * as a header and text rows. Anything else is refused as "not a spreadsheet". Numbers come back as written
 * (no "1980.0"), formulas as their last computed value; empty rows are skipped.
 */
public final class SheetReader {

    public static final int MAX_ROWS = 50_000;

    public record Line(int number, List<String> cells) {
        public String cell(int index) {
            return index < 0 || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index).strip();
        }
    }

    public record Sheet(List<String> header, List<Line> lines) {
    }

    private SheetReader() {
    }

    public static Sheet read(byte[] content) {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            if (isOpenDocument(content)) {
                // LibreOffice's own format: say what to do rather than "not a spreadsheet"
                throw new ValidationException("roster.import.error.ods");
            }
            return readXlsx(content);
        }
        return readCsv(decode(content));
    }

    /** An OpenDocument file stores its type uncompressed as the first entry of the archive ("mimetype"). */
    private static boolean isOpenDocument(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 100), StandardCharsets.ISO_8859_1);
        return start.contains("mimetypeapplication/vnd.oasis.opendocument");
    }

    private static Sheet readXlsx(byte[] content) {
        Archives.requireModest(content, "roster.import.error.notSpreadsheet");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                throw new ValidationException("roster.import.error.empty");
            }
            List<String> header = cells(it.next());
            List<Line> lines = new ArrayList<>();
            while (it.hasNext()) {
                Row row = it.next();
                add(lines, new Line(row.getRowNum(), cells(row)));
            }
            return new Sheet(header, lines);
        } catch (ValidationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ValidationException("roster.import.error.notSpreadsheet");
        }
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return cells;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }

    private static Sheet readCsv(String text) {
        try (CSVParser csv = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get())) {
            Iterator<CSVRecord> it = csv.iterator();
            if (!it.hasNext()) {
                throw new ValidationException("roster.import.error.empty");
            }
            List<String> header = new ArrayList<>();
            it.next().forEach(header::add);
            List<Line> lines = new ArrayList<>();
            int number = 1;
            while (it.hasNext()) {
                List<String> cells = new ArrayList<>();
                it.next().forEach(cells::add);
                add(lines, new Line(++number, cells));
            }
            return new Sheet(header, lines);
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new ValidationException("roster.import.error.csv");
        }
    }

    private static void add(List<Line> lines, Line line) {
        if (line.cells().stream().allMatch(c -> c == null || c.isBlank())) {
            return;
        }
        if (lines.size() >= MAX_ROWS) {
            throw new ValidationException("roster.import.error.tooMany", MAX_ROWS);
        }
        lines.add(line);
    }

    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new ValidationException("roster.import.error.notSpreadsheet");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ValidationException("roster.import.error.notSpreadsheet");
        }
    }
}
