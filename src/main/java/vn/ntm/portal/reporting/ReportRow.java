package vn.ntm.portal.reporting;

import org.jspecify.annotations.Nullable;

/**
 * One row of a breakdown. {@code key} is the year, the enum name (mode, level) or the unit id; {@code label} is what
 * to show where no translation applies (a unit's name, a programme); {@code unitId} is set where the row can be
 * drilled into (a province, a commune).
 */
public record ReportRow(String key, String label, Figures figures, @Nullable Long unitId) {
}
