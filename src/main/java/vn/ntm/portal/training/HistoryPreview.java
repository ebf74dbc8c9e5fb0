package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.person.PersonMatch;

import java.util.List;

/**
 * What a past-years sheet would store, row by row, before anything is stored: how each row will be counted (the
 * stored person it matches, the level and where it comes from, the mode, the unit the class reports under today),
 * its problems, and the columns of the sheet that will be ignored.
 */
public record HistoryPreview(List<String> header, List<Row> rows, List<String> ignoredColumns,
                             List<HistoryImportReport.LineProblem> fileProblems) {

    /** {@code sameAsLine}: the earlier line of the sheet whose person this row is ({@code match} says by what), or null. */
    public record Row(int line, List<String> cells, String classCode, String fullName, PersonMatch.Kind match,
                      @Nullable Integer sameAsLine, @Nullable TraineeLevel level, LevelSource levelSource, @Nullable DeliveryMode mode,
                      @Nullable String unitToday, List<HistoryImportReport.LineProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public long valid() {
        return rows.stream().filter(Row::valid).count();
    }

    public long invalid() {
        return rows.size() - valid();
    }

    /**
     * The rows with problems as a CSV (UTF-8 with BOM, as spreadsheet programs open it): the sheet's own header and
     * cells, so the office can fix them and import them again, then the line number and the problems, translated.
     */
    public byte[] badRowsCsv(String lineHeader, String problemsHeader, java.util.function.Function<HistoryImportReport.LineProblem, String> translate) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180)) {
            List<Object> head = new java.util.ArrayList<>(header);
            head.add(lineHeader);
            head.add(problemsHeader);
            csv.printRecord(head);
            for (Row row : rows) {
                if (!row.valid()) {
                    List<Object> cells = new java.util.ArrayList<>();
                    for (int i = 0; i < header.size(); i++) {
                        cells.add(i < row.cells().size() && row.cells().get(i) != null ? RosterSpreadsheets.safe(row.cells().get(i)) : "");
                    }
                    cells.add(row.line());
                    cells.add(row.problems().stream().map(translate).collect(java.util.stream.Collectors.joining("; ")));
                    csv.printRecord(cells);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** True when nothing in the file itself (columns, emptiness) stops it. */
    public boolean readable() {
        return fileProblems.isEmpty();
    }
}
