package vn.ntm.portal.training.roster;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.common.Texts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Codes, identifiers and dates as offices really type them. A spreadsheet that took a code for a number dropped
 * its leading zero (03820 → 3820, 001085000123 → 1085000123): the length the code must have says how many zeros
 * to put back. National IDs may carry dots, spaces or dashes. Unit names may start with the kind of unit.
 */
public final class Identifiers {

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu");

    private Identifiers() {
    }

    /** A national ID of 12 digits (old ID cards: 9), with separators removed and lost leading zeros restored. */
    public static String nationalId(String text) {
        String digits = text.replaceAll("[\\s.\\-_]", "");
        if (digits.matches("\\d{11}") || digits.matches("\\d{8}")) {
            return "0" + digits;
        }
        if (digits.matches("[1-9]\\d{9}")) {
            // a 12-digit ID of a province coded 001-009 typed as a number lost both leading zeros (008165863846 →
            // 8165863846); ten digits starting with 0 are something else (a phone) and stay as typed, to be refused
            return "00" + digits;
        }
        return digits;
    }

    /** A unit code: provinces have 2 digits, communes 5; a code typed as a number gets its leading zeros back. */
    public static String unitCode(String text) {
        String t = text.strip();
        if (t.matches("\\d+\\.0+")) {
            t = t.substring(0, t.indexOf('.'));
        }
        if (t.matches("\\d")) {
            return "0" + t;
        }
        if (t.matches("\\d{3,4}")) {
            return "0".repeat(5 - t.length()) + t;
        }
        return t;
    }

    /** A unit name without the kind written before it ("Xã Kỳ Anh" → "Kỳ Anh", "Thành phố Hà Nội" → "Hà Nội"). */
    public static String unitName(String text) {
        String clean = Texts.clean(text);
        String folded = Texts.fold(clean == null ? "" : clean);
        for (String kind : new String[]{"thanh pho ", "thi tran ", "thi xa ", "dac khu ", "phuong ", "huyen ", "quan ", "tinh ", "xa ", "tp. ", "tp "}) {
            if (folded.startsWith(kind)) {
                return clean.substring(kind.length()).strip();
            }
        }
        return clean == null ? "" : clean;
    }

    /** 15/03/2023, 15-03-2023, 15.03.2023, 2023-03-15 or an Excel date cell (its serial number, 45000). */
    public static @Nullable LocalDate date(String text) {
        String t = text.strip();
        try {
            if (t.matches("\\d{1,2}[/.\\-]\\d{1,2}[/.\\-]\\d{4}")) {
                return LocalDate.parse(t.replaceAll("[.\\-]", "/"), DAY_MONTH_YEAR);
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return LocalDate.parse(t.substring(0, 10));
            }
            if (t.matches("\\d{5}(\\.\\d+)?")) {
                return LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(t));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }
}
