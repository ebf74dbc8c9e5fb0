package vn.ntm.portal.reporting;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A report laid out for a file: title, the filter in words, the bulletin sentence, and one table per breakdown (the
 * totals first), each cell the very number of the {@link ReportSummary} the screen shows. Built once, written as XLSX,
 * CSV or PDF by {@link ReportExports}.
 */
public record ReportDocument(String title, List<String> filterLines, String bulletin, String uniqueNote, List<String> headers,
                             List<Section> sections) {

    /**
     * One table. {@code rowsAddUp} false: its rows may overlap (a class with two trainers), so no Σ row may be written
     * under it, and {@code note} (null: none) says why.
     */
    public record Section(String heading, List<Line> lines, boolean rowsAddUp, @Nullable String note) {

        public Section(String heading, List<Line> lines) {
            this(heading, lines, true, null);
        }
    }

    /** One row: its label and one value per counter column (null: does not apply). */
    public record Line(String label, List<@Nullable Long> values, boolean total) {
    }

    /** The counter columns, in order, with their translation keys. */
    public static final List<String> COUNTERS = List.of("reports.col.classes", "reports.col.enrolments", "reports.col.sessionAttendances",
            "reports.col.participations", "reports.col.uniqueParticipants", "reports.col.completions", "reports.col.onlineEnrolments",
            "reports.col.onlineCompletions", "reports.col.budget");

    public static List<@Nullable Long> values(Figures f) {
        List<@Nullable Long> v = new ArrayList<>();
        v.add(f.classes());
        v.add(f.enrolments());
        v.add(f.sessionAttendances());
        v.add(f.participations());
        v.add(f.uniqueParticipants());
        v.add(f.completions());
        v.add(f.onlineEnrolments());
        v.add(f.onlineCompletions());
        v.add(f.budgetVnd());
        return v;
    }

    /** The label of a breakdown row as the screen shows it. */
    public static String rowLabel(Breakdown b, ReportRow row, Translator t) {
        return switch (b) {
            case YEAR -> row.key();
            case UNIT -> "0".equals(row.key()) ? t.t("reports.ownLevel", row.label()) : row.label();
            case MODE -> t.t("training.mode." + row.key());
            case TRAINEE_LEVEL -> "UNKNOWN".equals(row.key()) ? t.t("reports.levelUnknown") : t.t("traineeLevel." + row.key());
            case ORGANISING_LEVEL -> t.t("training.level." + row.key());
            case PROGRAMME -> row.key().isEmpty() ? t.t("reports.noProgramme") : row.label();
            case TRAINER -> ReportRow.NO_TRAINER.equals(row.key()) ? t.t("reports.noTrainer") : row.label();
        };
    }

    /** The filter in words: period, unit, and each further condition that is set. */
    public static List<String> filterLines(ReportSummary s, Translator t, Function<Long, String> trainerName) {
        ReportFilter f = s.filter();
        List<String> lines = new ArrayList<>();
        lines.add(t.t("reports.filter.period") + ": " + Bulletin.period(f, t));
        lines.add(t.t("reports.filter.unit") + ": " + (s.unitName().isEmpty() ? t.t("reports.wholeCountry") : s.unitName())
                + (f.asRecorded() ? " (" + t.t("reports.filter.asRecorded") + ")" : ""));
        if (f.organisingLevel() != null) {
            lines.add(t.t("reports.filter.organisingLevel") + ": " + t.t("training.level." + f.organisingLevel().name()));
        }
        if (f.traineeLevel() != null) {
            lines.add(t.t("reports.filter.traineeLevel") + ": " + t.t("traineeLevel." + f.traineeLevel().name()));
        }
        if (f.mode() != null) {
            lines.add(t.t("reports.filter.mode") + ": " + t.t("training.mode." + f.mode().name()));
        }
        if (ReportFilter.present(f.programme())) {
            lines.add(t.t("reports.filter.programme") + ": " + f.programme());
        }
        if (ReportFilter.present(f.topic())) {
            lines.add(t.t("reports.filter.topic") + ": " + f.topic());
        }
        if (ReportFilter.present(f.targetGroup())) {
            lines.add(t.t("reports.filter.targetGroup") + ": " + f.targetGroup());
        }
        if (f.trainerId() != null) {
            lines.add(t.t("reports.filter.trainer") + ": " + trainerName.apply(f.trainerId()));
        }
        return lines;
    }

    public static ReportDocument of(ReportSummary s, List<Breakdown> order, Translator t, Function<Long, String> trainerName) {
        List<String> headers = new ArrayList<>();
        headers.add("");
        COUNTERS.forEach(k -> headers.add(t.t(k)));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(t.t("reports.section.total"), List.of(new Line(t.t("reports.total"), values(s.total()), true))));
        for (Breakdown b : order) {
            if (!s.breakdowns().containsKey(b)) {
                continue;
            }
            List<Line> lines = new ArrayList<>();
            for (ReportRow row : s.rows(b)) {
                lines.add(new Line(rowLabel(b, row, t), values(row.figures()), false));
            }
            sections.add(new Section(t.t("reports.by." + b.name()), lines, b.rowsAddUp(),
                    b == Breakdown.TRAINER ? t.t("reports.trainerNote") : null));
        }
        return new ReportDocument(t.t("reports.title"), filterLines(s, t, trainerName), Bulletin.sentence(s, t, trainerName), t.t("reports.uniqueNote"),
                headers, sections);
    }
}
