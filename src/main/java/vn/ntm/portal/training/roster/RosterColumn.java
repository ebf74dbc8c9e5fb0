package vn.ntm.portal.training.roster;

import vn.ntm.portal.common.Texts;

import java.util.List;

/** The columns of a roster file, with the Vietnamese header of the template and the English one also accepted. */
public enum RosterColumn {
    FULL_NAME("Họ và tên", "full name", true),
    GENDER("Giới tính", "gender", false),
    BIRTH_YEAR("Năm sinh", "year of birth", false),
    PHONE("Số điện thoại", "phone", false),
    NATIONAL_ID("Số CCCD", "national id", false),
    COMMUNE("Xã/phường", "commune", false),
    POSITION("Chức vụ", "position", false),
    LEVEL("Đối tượng", "trainee group", false),
    ORGANISATION("Cơ quan/đơn vị", "organisation", false);

    private final String vietnamese;
    private final String english;
    private final boolean required;

    RosterColumn(String vietnamese, String english, boolean required) {
        this.vietnamese = vietnamese;
        this.english = english;
        this.required = required;
    }

    public String header() {
        return vietnamese;
    }

    public boolean required() {
        return required;
    }

    public static List<String> headers() {
        return java.util.Arrays.stream(values()).map(RosterColumn::header).toList();
    }

    /** The column a header names, ignoring case, accents and spacing; null when none. */
    public static RosterColumn of(String header) {
        String wanted = fold(header);
        for (RosterColumn c : values()) {
            if (fold(c.vietnamese).equals(wanted) || fold(c.english).equals(wanted) || c.name().equalsIgnoreCase(header.strip())) {
                return c;
            }
        }
        return null;
    }

    /** Lower case without accents (đ as d) and with single spaces: how headers are compared. */
    public static String fold(String text) {
        return Texts.words(text);
    }
}
