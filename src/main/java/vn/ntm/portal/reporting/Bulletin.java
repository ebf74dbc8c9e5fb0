package vn.ntm.portal.reporting;

import org.jspecify.annotations.Nullable;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The sentence offices publish for a filter, e.g. "Giai đoạn 2016-2020, đã tổ chức 550 lớp tập huấn với 61.484 lượt
 * người tham gia", with Vietnamese number formatting (a dot between thousands) and the counters named as the
 * glossary names them. Its words come from the translation files (in Vietnamese for a bulletin).
 */
public final class Bulletin {

    private static final Locale VIETNAMESE = Locale.of("vi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Bulletin() {
    }

    /**
     * The sentence, then, when the filter keeps only some classes or trainees (a trainer, a topic...), which ones: a
     * sentence copied into a bulletin must not read as the unit's whole training. {@code trainerName} names the
     * filter's trainer.
     */
    public static String sentence(ReportSummary s, Translator t, Function<Long, String> trainerName) {
        return sentence(s, t, trainerName, null);
    }

    /**
     * As above, and when a plan exists for the filter's unit and year (and the filter keeps every class of them), how
     * much of it was achieved: "Kết quả đạt 80% kế hoạch số lớp và 95% kế hoạch số lượt người tham gia của năm."
     */
    public static String sentence(ReportSummary s, Translator t, Function<Long, String> trainerName, @Nullable PlanVsActual plan) {
        String sentence = withoutPlan(s, t, trainerName);
        if (plan == null || !plan.hasPlan() || !plainYear(s.filter(), plan) || !only(s.filter(), t, trainerName).isEmpty()) {
            return sentence;
        }
        Long classes = plan.total().classesPercent();
        Long participations = plan.total().participationsPercent();
        if (classes != null && participations != null) {
            return sentence + ' ' + t.t("reports.bulletin.plan", number(classes), number(participations));
        }
        if (classes != null) {
            return sentence + ' ' + t.t("reports.bulletin.plan.classes", number(classes));
        }
        if (participations != null) {
            return sentence + ' ' + t.t("reports.bulletin.plan.participations", number(participations));
        }
        return sentence;
    }

    /** The filter is the plan's unit and year, nothing narrower. */
    private static boolean plainYear(ReportFilter f, PlanVsActual plan) {
        return f.year() != null && f.year() == plan.year() && f.quarter() == null && f.month() == null && f.from() == null && f.to() == null
                && java.util.Objects.equals(f.unitId(), plan.unitId()) && !f.asRecorded();
    }

    private static String withoutPlan(ReportSummary s, Translator t, Function<Long, String> trainerName) {
        Figures f = s.total();
        String unit = s.unitName().isEmpty() ? "" : s.unitName() + " ";
        StringBuilder text = new StringBuilder(t.t("reports.bulletin.classes", period(s.filter(), t), unit,
                number(f.classes() == null ? 0 : f.classes()), number(f.participations()), number(f.uniqueParticipants())));
        if (f.onlineEnrolments() != null && f.onlineEnrolments() > 0) {
            text.append(' ').append(t.t("reports.bulletin.online", number(f.onlineEnrolments()),
                    number(f.onlineCompletions() == null ? 0 : f.onlineCompletions())));
        }
        if (f.certificates() > 0) {
            text.append(' ').append(t.t("reports.bulletin.certificates", number(f.certificates())));
        }
        if (s.planned().classes() > 0) {
            // planned classes are part of the plan, never of what was organised: said apart
            text.append(' ').append(t.t("reports.bulletin.planned", number(s.planned().classes()), number(s.planned().enrolments())));
        }
        if (s.dissolvedUnitName() != null) {
            text.append(' ').append(t.t("reports.bulletin.dissolvedUnit", s.dissolvedUnitName(), s.unitName()));
        } else if (s.filter().asRecorded()) {
            text.append(' ').append(t.t("reports.bulletin.asRecorded"));
        }
        List<String> only = only(s.filter(), t, trainerName);
        if (!only.isEmpty()) {
            text.append(' ').append(t.t("reports.bulletin.only", String.join(", ", only)));
        }
        return text.toString();
    }

    /** The filter's conditions on classes and trainees, as phrases ("lớp do giảng viên Nguyễn Văn A dạy"). */
    private static List<String> only(ReportFilter f, Translator t, Function<Long, String> trainerName) {
        List<String> only = new ArrayList<>();
        if (f.organisingLevel() != null) {
            only.add(t.t("reports.bulletin.only.organisingLevel", lower(t.t("training.level." + f.organisingLevel().name()))));
        }
        if (f.mode() != null) {
            only.add(t.t("reports.bulletin.only.mode", lower(t.t("training.mode." + f.mode().name()))));
        }
        if (ReportFilter.present(f.programme())) {
            only.add(t.t("reports.bulletin.only.programme", f.programme().strip()));
        }
        if (ReportFilter.present(f.topic())) {
            only.add(t.t("reports.bulletin.only.topic", f.topic().strip()));
        }
        if (ReportFilter.present(f.targetGroup())) {
            only.add(t.t("reports.bulletin.only.targetGroup", f.targetGroup().strip()));
        }
        if (f.trainerId() != null) {
            only.add(t.t("reports.bulletin.only.trainer", trainerName.apply(f.trainerId())));
        }
        if (f.traineeLevel() != null) {
            only.add(t.t("reports.bulletin.only.traineeLevel", lower(t.t("traineeLevel." + f.traineeLevel().name()))));
        }
        return only;
    }

    /** "Cấp tỉnh" inside a sentence is "cấp tỉnh". */
    private static String lower(String label) {
        return label.toLowerCase(VIETNAMESE);
    }

    /** "Giai đoạn 2021-2025", "Năm 2023", "Quý 2/2023", "Tháng 5/2023", "Từ 01/02/2023 đến 30/06/2023", "Từ trước đến nay". */
    public static String period(ReportFilter f, Translator t) {
        if (f.phase() != null) {
            return t.t("reports.bulletin.phase", f.phase().label());
        }
        if (f.year() != null) {
            if (f.quarter() != null) {
                return t.t("reports.bulletin.quarter", f.quarter(), String.valueOf(f.year()));
            }
            if (f.month() != null) {
                return t.t("reports.bulletin.month", f.month(), String.valueOf(f.year()));
            }
            return t.t("reports.bulletin.year", String.valueOf(f.year()));
        }
        LocalDate from = f.from();
        LocalDate to = f.to();
        if (from != null && to != null) {
            return t.t("reports.bulletin.range", DATE.format(from), DATE.format(to));
        }
        if (from != null) {
            return t.t("reports.bulletin.since", DATE.format(from));
        }
        if (to != null) {
            return t.t("reports.bulletin.until", DATE.format(to));
        }
        return t.t("reports.bulletin.allTime");
    }

    /** 61484 → "61.484". */
    public static String number(long n) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.of("vi", "VN"));
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0", symbols).format(n);
    }
}
