package vn.ntm.portal.person;

import org.jspecify.annotations.Nullable;

/**
 * How a row of a file will be matched once the rows before it are stored: to a stored person ({@code match}), or,
 * when {@code earlierRow} is set, to the person an earlier row of the same file creates (its index in the file's
 * rows; {@code match.kind()} then says by what: national ID, phone, or only a possible duplicate).
 */
public record SheetMatch(PersonMatch match, @Nullable Integer earlierRow) {
}
