package vn.ntm.portal.training.roster;

import vn.ntm.portal.common.ValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads a roster file (see {@link SheetReader}) whose header names the {@link RosterColumn}s. */
public final class RosterFileReader {

    /** How far down a title may push the header row. */
    static final int HEADER_SEARCH_ROWS = 10;

    private RosterFileReader() {
    }

    public static List<RosterLine> read(byte[] content) {
        SheetReader.Sheet sheet = SheetReader.read(content);
        List<String> header = sheet.header();
        List<SheetReader.Line> rows = sheet.lines();
        if (!namesFullName(header)) {
            // a title above the header (often merged across the columns, as offices print their lists): the header
            // is the first of the top rows that names the full-name column
            for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, rows.size()); i++) {
                if (namesFullName(rows.get(i).cells())) {
                    header = rows.get(i).cells();
                    rows = rows.subList(i + 1, rows.size());
                    break;
                }
            }
        }
        RosterColumn[] columns = columns(header);
        List<RosterLine> lines = new ArrayList<>();
        for (SheetReader.Line line : rows) {
            Map<RosterColumn, String> values = new EnumMap<>(RosterColumn.class);
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] != null) {
                    values.put(columns[i], line.cell(i));
                }
            }
            lines.add(new RosterLine(line.number(), values));
        }
        return lines;
    }

    private static boolean namesFullName(List<String> cells) {
        return cells.stream().anyMatch(c -> c != null && RosterColumn.of(c.replace("\uFEFF", "")) == RosterColumn.FULL_NAME);
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
        List<RosterColumn> present = Arrays.stream(columns).filter(Objects::nonNull).toList();
        List<String> missing = Arrays.stream(RosterColumn.values()).filter(RosterColumn::required)
                .filter(c -> !present.contains(c)).map(RosterColumn::header).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new ValidationException("roster.import.error.columns", String.join(", ", missing), String.join(", ", unknown));
        }
        return columns;
    }
}
