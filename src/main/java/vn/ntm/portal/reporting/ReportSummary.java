package vn.ntm.portal.reporting;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A report as the screen, the exports and the API show it: the filter as applied (the unit made explicit and within
 * the caller's scope), the unit's name, the totals and the requested breakdowns; the classes of the filter still
 * planned, apart (never in the totals); and, when the unit asked for was dissolved in the 2025 merger and the report
 * is under today's units, that unit's name ({@code dissolvedUnitName}): the figures are then its successor's.
 */
public record ReportSummary(ReportFilter filter, String unitName, Figures total, Map<Breakdown, List<ReportRow>> breakdowns,
                            PlannedClasses planned, @Nullable String dissolvedUnitName) {

    public ReportSummary(ReportFilter filter, String unitName, Figures total, Map<Breakdown, List<ReportRow>> breakdowns) {
        this(filter, unitName, total, breakdowns, PlannedClasses.NONE, null);
    }

    public List<ReportRow> rows(Breakdown breakdown) {
        return breakdowns.getOrDefault(breakdown, List.of());
    }
}
