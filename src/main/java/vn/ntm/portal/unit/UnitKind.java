package vn.ntm.portal.unit;

import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.Locale;

/** Kind of administrative unit, with the Vietnamese word that official lists use. */
public enum UnitKind {
    PROVINCE("tỉnh"),
    CITY("thành phố"),
    DISTRICT("huyện"),
    URBAN_DISTRICT("quận"),
    TOWN("thị xã"),
    COMMUNE("xã"),
    WARD("phường"),
    TOWNSHIP("thị trấn"),
    SPECIAL_ZONE("đặc khu");

    private final String vietnamese;

    UnitKind(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }

    /**
     * The level a unit of this kind sits at. A "thành phố" is a province when it has no parent and a
     * (historical) district-level city when it has one.
     */
    public UnitLevel levelUnder(@Nullable UnitLevel parentLevel) {
        if (parentLevel == null) {
            return UnitLevel.PROVINCE;
        }
        return switch (this) {
            case CITY, DISTRICT, URBAN_DISTRICT, TOWN -> parentLevel == UnitLevel.PROVINCE ? UnitLevel.DISTRICT : UnitLevel.COMMUNE;
            default -> UnitLevel.COMMUNE;
        };
    }

    /** Reads the code name (PROVINCE) or the Vietnamese word ("Tỉnh", "đặc khu"), ignoring case and spacing. */
    public static @Nullable UnitKind parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String wanted = Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
        for (UnitKind kind : values()) {
            if (kind.vietnamese.equals(wanted) || kind.name().equalsIgnoreCase(wanted.replace(' ', '_'))) {
                return kind;
            }
        }
        return null;
    }
}
