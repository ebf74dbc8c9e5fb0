package vn.ntm.portal.reporting;

import org.jspecify.annotations.Nullable;

/** The programme's five-year phases (giai đoạn), the period most figures are published for. */
public enum Phase {
    P2016_2020(2016, 2020), P2021_2025(2021, 2025), P2026_2030(2026, 2030);

    private final int firstYear;
    private final int lastYear;

    Phase(int firstYear, int lastYear) {
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    /** "2016-2020", as the bulletins write it. */
    public String label() {
        return firstYear + "-" + lastYear;
    }

    public static @Nullable Phase of(int year) {
        for (Phase p : values()) {
            if (year >= p.firstYear && year <= p.lastYear) {
                return p;
            }
        }
        return null;
    }

    /** Reads "2021-2025", "P2021_2025" or "2021". */
    public static @Nullable Phase parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (Phase p : values()) {
            if (p.name().equalsIgnoreCase(t) || p.label().equals(t) || String.valueOf(p.firstYear).equals(t)) {
                return p;
            }
        }
        return null;
    }
}
