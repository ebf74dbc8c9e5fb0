package vn.ntm.portal.training.roster;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.Texts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a trainee level from a position (chức vụ) by the documented list {@code position-levels.txt}: whole phrases
 * of folded text, the longest match deciding. A position the list does not settle stays unmapped (null): the
 * roster row must then say the level itself, rather than the portal guessing.
 */
public final class PositionLevels {

    /** Folded phrases; phrases marked "diacritics" are kept with them, prefixed by {@link #WITH_DIACRITICS}. */
    private static final String WITH_DIACRITICS = "=";
    private static final Map<String, TraineeLevel> PHRASES = load();

    private PositionLevels() {
    }

    /** The level the position names, or null when the list does not settle it. */
    public static @Nullable TraineeLevel of(@Nullable String position) {
        if (position == null || position.isBlank()) {
            return null;
        }
        String words = " " + Texts.words(position) + " ";
        String written = " " + wordsWithDiacritics(position) + " ";
        int longest = 0;
        TraineeLevel found = null;
        boolean ambiguous = false;
        for (Map.Entry<String, TraineeLevel> e : PHRASES.entrySet()) {
            boolean exact = e.getKey().startsWith(WITH_DIACRITICS);
            String phrase = exact ? e.getKey().substring(1) : e.getKey();
            if (!(exact ? written : words).contains(" " + phrase + " ")) {
                continue;
            }
            if (phrase.length() > longest) {
                longest = phrase.length();
                found = e.getValue();
                ambiguous = false;
            } else if (phrase.length() == longest && found != e.getValue()) {
                ambiguous = true;
            }
        }
        return ambiguous ? null : found;
    }

    /** The phrases of the list, folded, with their level (for the documentation and tests). */
    public static Map<String, TraineeLevel> phrases() {
        return PHRASES;
    }

    /** Lower case, composed Unicode, punctuation as spaces, diacritics kept. */
    private static String wordsWithDiacritics(String text) {
        String clean = Texts.clean(text);
        return (clean == null ? "" : clean).toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static Map<String, TraineeLevel> load() {
        Map<String, TraineeLevel> phrases = new LinkedHashMap<>();
        try (InputStream in = Objects.requireNonNull(PositionLevels.class.getResourceAsStream("position-levels.txt"));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                TraineeLevel level = TraineeLevel.valueOf(parts[0].strip());
                boolean exact = parts.length > 2 && parts[2].strip().equals("diacritics");
                String key = exact ? WITH_DIACRITICS + wordsWithDiacritics(parts[1]) : Texts.words(parts[1]);
                TraineeLevel before = phrases.put(key, level);
                if (before != null && before != level) {
                    throw new IllegalStateException("position-levels.txt names one phrase twice: " + parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(phrases);
    }
}
