package vn.ntm.portal.training.roster;

import java.util.Map;

/** One data row of a roster file, by column, with its line number as a spreadsheet program shows it. */
public record RosterLine(int line, Map<RosterColumn, String> values) {

    public String get(RosterColumn column) {
        String value = values.get(column);
        return value == null ? "" : value.strip();
    }
}
