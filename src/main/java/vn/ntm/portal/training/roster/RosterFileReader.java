package vn.ntm.portal.training.roster;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import vn.ntm.portal.common.ValidationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a roster from an XLSX workbook (streamed, first sheet) or a UTF-8 CSV (with or without BOM), decided by
 * content. A file that is neither, or whose header lacks the required columns, is refused with a clear message.
 */
public final class RosterFileReader {

    public static final int MAX_ROWS = 50_000;

    private RosterFileReader() {
    }

    public static List<RosterLine> read(byte[] content) {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return readXlsx(content);
        }
        return readCsv(decode(content));
    }

    private static List<RosterLine> readXlsx(byte[] content) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                throw new ValidationException("roster.import.error.empty");
            }
            Row headerRow = it.next();
            List<String> header = new ArrayList<>();
            for (int i = 0; i < headerRow.getCellCount(); i++) {
                header.add(headerRow.getCellText(i));
            }
            RosterColumn[] columns = columns(header);
            List<RosterLine> lines = new ArrayList<>();
            while (it.hasNext()) {
                Row row = it.next();
                Map<RosterColumn, String> values = new EnumMap<>(RosterColumn.class);
                for (int i = 0; i < columns.length && i < row.getCellCount(); i++) {
                    if (columns[i] != null) {
                        values.put(columns[i], text(row.getCell(i)));
                    }
                }
                add(lines, new RosterLine(row.getRowNum(), values));
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw new ValidationException("roster.import.error.notSpreadsheet");
        }
    }

    /** Numbers come back as written in the cell (no "1980.0"); formulas as their last computed value. */
    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal number = cell.asNumber();
            return number.stripTrailingZeros().toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }

    private static List<RosterLine> readCsv(String text) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser csv = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> it = csv.iterator();
            if (!it.hasNext()) {
                throw new ValidationException("roster.import.error.empty");
            }
            CSVRecord headerRecord = it.next();
            List<String> header = new ArrayList<>();
            headerRecord.forEach(header::add);
            RosterColumn[] columns = columns(header);
            List<RosterLine> lines = new ArrayList<>();
            int line = 1;
            while (it.hasNext()) {
                CSVRecord record = it.next();
                line++;
                Map<RosterColumn, String> values = new EnumMap<>(RosterColumn.class);
                for (int i = 0; i < columns.length && i < record.size(); i++) {
                    if (columns[i] != null) {
                        values.put(columns[i], record.get(i));
                    }
                }
                add(lines, new RosterLine(line, values));
            }
            return lines;
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new ValidationException("roster.import.error.csv");
        }
    }

    private static void add(List<RosterLine> lines, RosterLine line) {
        if (line.values().values().stream().allMatch(v -> v == null || v.isBlank())) {
            return;
        }
        if (lines.size() >= MAX_ROWS) {
            throw new ValidationException("roster.import.error.tooMany", MAX_ROWS);
        }
        lines.add(line);
    }

    private static RosterColumn[] columns(List<String> header) {
        RosterColumn[] columns = new RosterColumn[header.size()];
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).replace("\uFEFF", "");
            columns[i] = h.isBlank() ? null : RosterColumn.of(h);
            if (columns[i] == null && !h.isBlank()) {
                unknown.add(h);
            }
        }
        List<RosterColumn> present = java.util.Arrays.stream(columns).filter(java.util.Objects::nonNull).toList();
        List<String> missing = java.util.Arrays.stream(RosterColumn.values()).filter(RosterColumn::required)
                .filter(c -> !present.contains(c)).map(RosterColumn::header).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new ValidationException("roster.import.error.columns", String.join(", ", missing), String.join(", ", unknown));
        }
        return columns;
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
