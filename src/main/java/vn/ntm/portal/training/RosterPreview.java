package vn.ntm.portal.training;

import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonMatch;

import java.util.List;

/** What a roster file would do, row by row, before anything is stored. */
public record RosterPreview(List<Row> rows, int valid, int invalid, int byNationalId, int byPhone, int possibleDuplicates,
                            int newPersons) {

    /** A translated problem of one row. */
    public record Problem(String messageKey, List<Object> arguments) {
    }

    /** A row: the person as read, the problems, the stored person it matches, and where its level comes from. */
    public record Row(int line, PersonDetails details, List<Problem> problems, PersonMatch match, LevelSource levelSource) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }
}
