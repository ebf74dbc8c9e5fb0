package vn.ntm.portal.shell;

import com.vaadin.flow.component.icon.SvgIcon;

import java.util.Arrays;
import java.util.Optional;

/**
 * The icons of the portal, drawn from one small sprite ({@code icons/portal-icons.svg}, a subset of Vaadin Icons)
 * instead of Vaadin's icon set: showing a single icon of that set sends all ~600 of them (250 KB of script, 56 KB
 * compressed) to a phone on its first visit. Add a constant here, then regenerate the sprite with
 * {@code scripts/icons/subset.py}; {@code PortalIconTest} checks that they agree.
 */
public enum PortalIcon {
    ACADEMY_CAP("academy-cap"),
    ARCHIVE("archive"),
    ARROW_DOWN("arrow-down"),
    ARROW_LEFT("arrow-left"),
    ARROW_RIGHT("arrow-right"),
    ARROW_UP("arrow-up"),
    BOOK("book"),
    CALENDAR_CLOCK("calendar-clock"),
    CALENDAR_USER("calendar-user"),
    CHART("chart"),
    CHECK("check"),
    CHECK_CIRCLE("check-circle"),
    CHECK_CIRCLE_O("check-circle-o"),
    CIRCLE_THIN("circle-thin"),
    CLIPBOARD_TEXT("clipboard-text"),
    COMPRESS("compress"),
    COPY("copy"),
    DIPLOMA("diploma"),
    DOWNLOAD("download"),
    EDIT("edit"),
    FILTER("filter"),
    GROUP("group"),
    HOME("home"),
    KEY("key"),
    LEVEL_UP("level-up"),
    LINK("link"),
    LIST("list"),
    OFFICE("office"),
    PENCIL("pencil"),
    PLAY("play"),
    PLUS("plus"),
    PLUS_CIRCLE("plus-circle"),
    QRCODE("qrcode"),
    REFRESH("refresh"),
    SEARCH("search"),
    SITEMAP("sitemap"),
    TABLE("table"),
    TRASH("trash"),
    UPLOAD("upload"),
    USER_CARD("user-card"),
    USERS("users");

    static final String SPRITE = "icons/portal-icons.svg";

    private final String symbol;

    PortalIcon(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public SvgIcon create() {
        SvgIcon icon = new SvgIcon(SPRITE, symbol);
        icon.addClassName("portal-icon");
        return icon;
    }

    /** The icon a menu entry names as {@code vaadin:<symbol>}. */
    static Optional<PortalIcon> ofMenu(String name) {
        String symbol = name.startsWith("vaadin:") ? name.substring("vaadin:".length()) : name;
        return Arrays.stream(values()).filter(i -> i.symbol.equals(symbol)).findFirst();
    }
}
