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

    private RosterFileReader() {
    }

    public static List<RosterLine> read(byte[] content) {
        SheetReader.Sheet sheet = SheetReader.read(content);
        RosterColumn[] columns = columns(sheet.header());
        List<RosterLine> lines = new ArrayList<>();
        for (SheetReader.Line line : sheet.lines()) {
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
