package vn.ntm.portal.training;

import java.util.List;

/** What an import of past classes stored, or - when {@code problems} is not empty - why it stored nothing. */
public record HistoryImportReport(int classes, int participants, int sessionAttendances, List<LineProblem> problems) {

    public record LineProblem(int line, String messageKey, List<Object> arguments) {
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
