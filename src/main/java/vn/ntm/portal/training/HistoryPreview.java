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

    public record Row(int line, List<String> cells, String classCode, String fullName, PersonMatch.Kind match,
                      @Nullable TraineeLevel level, LevelSource levelSource, @Nullable DeliveryMode mode,
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

    /** True when nothing in the file itself (columns, emptiness) stops it. */
    public boolean readable() {
        return fileProblems.isEmpty();
    }
}
