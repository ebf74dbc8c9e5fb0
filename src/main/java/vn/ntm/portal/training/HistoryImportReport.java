package vn.ntm.portal.training;

import java.util.List;

/**
 * What an import of past classes stored (counted from what was actually inserted), or - when {@code problems} is
 * not empty - why it stored nothing. With "import the good rows", {@code skipped} lists the rows left out and why.
 */
public record HistoryImportReport(int classes, int participants, int sessionAttendances, int paperCertificates,
                                  List<LineProblem> problems, List<LineProblem> skipped) {

    /** A refused import: nothing stored. */
    public static HistoryImportReport refused(List<LineProblem> problems) {
        return new HistoryImportReport(0, 0, 0, 0, problems, List.of());
    }

    public record LineProblem(int line, String messageKey, List<Object> arguments) {
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}
