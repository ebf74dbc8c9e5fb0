package vn.ntm.portal.unit;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One thing wrong with an imported file. {@code messageKey} is a translation key; the screen shows it
 * in the reader's language with {@code arguments}. {@code line} is 0 when the problem is not on a line.
 */
public record ImportProblem(int line, @Nullable String code, String messageKey, List<Object> arguments) {

    public static ImportProblem at(int line, @Nullable String code, String messageKey, Object... arguments) {
        return new ImportProblem(line, code, messageKey, List.of(arguments));
    }
}
