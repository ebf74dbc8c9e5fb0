package vn.ntm.portal.reporting;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The sentence offices publish for a filter, e.g. "Giai đoạn 2016-2020, đã tổ chức 550 lớp tập huấn với 61.484 lượt
 * người tham gia", with Vietnamese number formatting (a dot between thousands) and the counters named as the
 * glossary names them. Its words come from the translation files (in Vietnamese for a bulletin).
 */
public final class Bulletin {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Bulletin() {
    }

    public static String sentence(ReportSummary s, Translator t) {
        Figures f = s.total();
        String unit = s.unitName().isEmpty() ? "" : s.unitName() + " ";
        StringBuilder text = new StringBuilder(t.t("reports.bulletin.classes", period(s.filter(), t), unit,
                number(f.classes() == null ? 0 : f.classes()), number(f.participations()), number(f.uniqueParticipants())));
        if (f.onlineEnrolments() != null && f.onlineEnrolments() > 0) {
            text.append(' ').append(t.t("reports.bulletin.online", number(f.onlineEnrolments()),
                    number(f.onlineCompletions() == null ? 0 : f.onlineCompletions())));
        }
        return text.toString();
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
