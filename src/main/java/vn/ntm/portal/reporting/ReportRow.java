package vn.ntm.portal.reporting;

import org.jspecify.annotations.Nullable;

/**
 * One row of a breakdown. {@code key} is the year, the enum name (mode, level), the unit id or the trainer's account
 * id; {@code label} is what to show where no translation applies (a unit's name, a programme, a trainer's name);
 * {@code unitId} is set where the row can be drilled into (a province, a commune).
 */
public record ReportRow(String key, String label, Figures figures, @Nullable Long unitId) {

    /** The key of the row, in the breakdown by trainer, of the classes that have no trainer assigned. */
    public static final String NO_TRAINER = "0";
}
