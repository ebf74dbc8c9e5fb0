package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;

/**
 * Lesson text is Markdown without HTML: before it is shown, every "&lt;" is escaped, so markup typed (or imported)
 * into a lesson is displayed as text and can carry no script or event handler, whatever the browser-side renderer
 * allows. What the author wrote is stored unchanged.
 */
public final class LessonText {

    private LessonText() {
    }

    public static String forDisplay(@Nullable String markdown) {
        return markdown == null ? "" : markdown.replace("&", "&amp;").replace("<", "&lt;");
    }
}
