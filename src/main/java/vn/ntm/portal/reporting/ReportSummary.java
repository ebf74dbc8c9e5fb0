package vn.ntm.portal.reporting;

import java.util.List;
import java.util.Map;

/**
 * A report as the screen, the exports and the API show it: the filter as applied (the unit made explicit and within
 * the caller's scope), the unit's name, the totals and the requested breakdowns.
 */
public record ReportSummary(ReportFilter filter, String unitName, Figures total, Map<Breakdown, List<ReportRow>> breakdowns) {

    public List<ReportRow> rows(Breakdown breakdown) {
        return breakdowns.getOrDefault(breakdown, List.of());
    }
}
