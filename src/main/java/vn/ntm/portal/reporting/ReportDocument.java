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
    public record Section(String heading, List<Line> lines, boolean rowsAddUp, @Nullable String note, @Nullable List<String> ownHeaders) {

        public Section(String heading, List<Line> lines, boolean rowsAddUp, @Nullable String note) {
            this(heading, lines, rowsAddUp, note, null);
        }

        public Section(String heading, List<Line> lines) {
            this(heading, lines, true, null);
        }

        /** The section's columns: its own (plan against actual), or the document's counters. */
        public List<String> headers(ReportDocument doc) {
            return ownHeaders == null ? doc.headers() : ownHeaders;
        }
    }

    /** The columns of the plan-against-actual table, with their translation keys. */
    public static final List<String> PLAN_COLUMNS = List.of("reports.plan.col.plannedClasses", "reports.plan.col.classes",
            "reports.plan.col.classesPercent", "reports.plan.col.plannedParticipations", "reports.plan.col.participations",
            "reports.plan.col.participationsPercent", "reports.plan.col.plannedBudget", "reports.plan.col.budget",
            "reports.plan.col.budgetPercent");

    public static List<@Nullable Long> planValues(PlanVsActual.Line l) {
        List<@Nullable Long> v = new ArrayList<>();
        v.add(l.planned() == null ? null : l.planned().classes());
        v.add(l.classes());
        v.add(l.classesPercent());
        v.add(l.planned() == null ? null : l.planned().participations());
        v.add(l.participations());
        v.add(l.participationsPercent());
        v.add(l.planned() == null ? null : l.planned().budgetVnd());
        v.add(l.budgetVnd());
        v.add(l.budgetPercent());
        return v;
    }

    /** The plan against actual as one table: the total, then by organising level, then by unit (percentages do not add up). */
    public static Section planSection(PlanVsActual plan, Translator t) {
        List<String> headers = new ArrayList<>();
        headers.add("");
        PLAN_COLUMNS.forEach(k -> headers.add(t.t(k)));
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(t.t("reports.total"), planValues(plan.total()), true));
        for (PlanVsActual.Line l : plan.byOrganisingLevel()) {
            lines.add(new Line(t.t("training.level." + l.key()), planValues(l), false));
        }
        for (PlanVsActual.Line l : plan.byUnit()) {
            lines.add(new Line(l.label(), planValues(l), false));
        }
        return new Section(t.t("reports.plan.title", String.valueOf(plan.year())), lines, false, t.t("reports.plan.note"), headers);
    }

    /** One row: its label and one value per counter column (null: does not apply). */
    public record Line(String label, List<@Nullable Long> values, boolean total) {
    }

    /** The counter columns, in order, with their translation keys. */
    public static final List<String> COUNTERS = List.of("reports.col.classes", "reports.col.enrolments", "reports.col.sessionAttendances",
            "reports.col.participations", "reports.col.uniqueParticipants", "reports.col.completions", "reports.col.onlineEnrolments",
            "reports.col.onlineCompletions", "reports.col.budget", "reports.col.certificates");

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
        v.add(f.certificates());
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
        return of(s, order, t, trainerName, null);
    }

    /** As above, with the plan against actual after the breakdowns when a plan exists for the unit and year. */
    public static ReportDocument of(ReportSummary s, List<Breakdown> order, Translator t, Function<Long, String> trainerName,
                                    @Nullable PlanVsActual plan) {
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
        if (plan != null && plan.hasPlan()) {
            sections.add(planSection(plan, t));
        }
        return new ReportDocument(t.t("reports.title"), filterLines(s, t, trainerName), Bulletin.sentence(s, t, trainerName, plan), t.t("reports.uniqueNote"),
                headers, sections);
    }
}
