package vn.ntm.portal.reporting;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;

import java.time.LocalDate;

/**
 * What a report is about. The period is one of: a phase, a year (optionally one quarter or one month of it), a custom
 * range from/to, or nothing (all time); a class belongs to the period its first day falls in. {@code unitId} null means
 * the caller's whole scope. {@code asRecorded} groups units as the records name them instead of under today's units.
 * Text filters (target group, topic) match a part of what the class records, ignoring case and diacritics; the
 * programme is the one the class records; {@code trainerId} keeps the classes that trainer teaches (with others or alone).
 */
public record ReportFilter(@Nullable Phase phase, @Nullable Integer year, @Nullable Integer quarter, @Nullable Integer month,
                           @Nullable LocalDate from, @Nullable LocalDate to, @Nullable Long unitId, boolean asRecorded,
                           @Nullable OrganisingLevel organisingLevel, @Nullable TraineeLevel traineeLevel,
                           @Nullable String targetGroup, @Nullable String programme, @Nullable String topic,
                           @Nullable DeliveryMode mode, @Nullable Long trainerId) {

    public static ReportFilter all() {
        return new ReportFilter(null, null, null, null, null, null, null, false, null, null, null, null, null, null, null);
    }

    public static ReportFilter ofPhase(Phase phase) {
        return all().withPhase(phase);
    }

    public ReportFilter withPhase(@Nullable Phase p) {
        return new ReportFilter(p, null, null, null, null, null, unitId, asRecorded, organisingLevel, traineeLevel, targetGroup,
                programme, topic, mode, trainerId);
    }

    public ReportFilter withYear(int y) {
        return new ReportFilter(null, y, null, null, null, null, unitId, asRecorded, organisingLevel, traineeLevel, targetGroup,
                programme, topic, mode, trainerId);
    }

    public ReportFilter withUnit(@Nullable Long unit) {
        return new ReportFilter(phase, year, quarter, month, from, to, unit, asRecorded, organisingLevel, traineeLevel, targetGroup,
                programme, topic, mode, trainerId);
    }

    public ReportFilter withMode(@Nullable DeliveryMode m) {
        return new ReportFilter(phase, year, quarter, month, from, to, unitId, asRecorded, organisingLevel, traineeLevel, targetGroup,
                programme, topic, m, trainerId);
    }

    public ReportFilter withTraineeLevel(@Nullable TraineeLevel level) {
        return new ReportFilter(phase, year, quarter, month, from, to, unitId, asRecorded, organisingLevel, level, targetGroup,
                programme, topic, mode, trainerId);
    }

    public ReportFilter withTrainer(@Nullable Long trainer) {
        return new ReportFilter(phase, year, quarter, month, from, to, unitId, asRecorded, organisingLevel, traineeLevel, targetGroup,
                programme, topic, mode, trainer);
    }

    /** Refuses filters that cannot mean anything, with a message key for the user. */
    public void check() {
        int periods = (phase != null ? 1 : 0) + (year != null ? 1 : 0) + (from != null || to != null ? 1 : 0);
        if (periods > 1) {
            throw new ValidationException("reports.error.onePeriod");
        }
        if ((quarter != null || month != null) && year == null) {
            throw new ValidationException("reports.error.quarterNeedsYear");
        }
        if (quarter != null && month != null) {
            throw new ValidationException("reports.error.onePeriod");
        }
        if (year != null && (year < 2000 || year > 2100)) {
            throw new ValidationException("reports.error.year");
        }
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            throw new ValidationException("reports.error.quarter");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new ValidationException("reports.error.month");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new ValidationException("reports.error.range");
        }
    }

    /** First day of the period, or null when it is open at the start. */
    public @Nullable LocalDate periodStart() {
        if (phase != null) {
            return LocalDate.of(phase.firstYear(), 1, 1);
        }
        if (year != null) {
            if (quarter != null) {
                return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
            }
            return LocalDate.of(year, month != null ? month : 1, 1);
        }
        return from;
    }

    /** Last day of the period, or null when it is open at the end. */
    public @Nullable LocalDate periodEnd() {
        if (phase != null) {
            return LocalDate.of(phase.lastYear(), 12, 31);
        }
        if (year != null) {
            if (quarter != null) {
                LocalDate first = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
                return first.plusMonths(3).minusDays(1);
            }
            if (month != null) {
                LocalDate first = LocalDate.of(year, month, 1);
                return first.plusMonths(1).minusDays(1);
            }
            return LocalDate.of(year, 12, 31);
        }
        return to;
    }

    /** Filters that only classes have (online self-study has none of them). */
    public boolean hasClassOnlyFilter() {
        return organisingLevel != null || present(targetGroup) || present(programme) || present(topic) || mode != null
                || trainerId != null;
    }

    static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
