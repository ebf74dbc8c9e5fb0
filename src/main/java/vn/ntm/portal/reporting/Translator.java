package vn.ntm.portal.reporting;

/** Turns a translation key and its arguments into text; the screens pass their getTranslation. */
@FunctionalInterface
public interface Translator {
    String t(String key, Object... args);
}
