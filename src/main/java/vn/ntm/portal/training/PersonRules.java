package vn.ntm.portal.training;

import vn.ntm.portal.common.PhoneNumbers;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.person.PersonDetails;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;

/** What a roster row must satisfy, whether typed in a form or read from a file. */
final class PersonRules {

    private PersonRules() {
    }

    /** Refuses the details with the first problem found. */
    static void check(PersonDetails d) {
        problems(d).stream().findFirst().ifPresent(p -> {
            throw new ValidationException(p.messageKey(), p.arguments().toArray());
        });
    }

    /** Every problem of the details, for a preview that lists them all. */
    static List<RosterPreview.Problem> problems(PersonDetails d) {
        List<RosterPreview.Problem> problems = new ArrayList<>();
        if (d.fullName() == null || d.fullName().strip().length() < 2 || d.fullName().length() > 200) {
            problems.add(new RosterPreview.Problem("roster.error.name", List.of()));
        }
        if (d.phone() != null && !d.phone().isBlank() && PhoneNumbers.normalize(d.phone()) == null) {
            problems.add(new RosterPreview.Problem("roster.error.phone", List.of(shown(d.phone()))));
        }
        if (d.nationalId() != null && !d.nationalId().matches("\\d{9}|\\d{12}")) {
            problems.add(new RosterPreview.Problem("roster.error.nationalId", List.of(shown(d.nationalId()))));
        }
        if (d.birthYear() != null && (d.birthYear() < 1900 || d.birthYear() > Year.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getValue())) {
            problems.add(new RosterPreview.Problem("roster.error.birthYear", List.of(d.birthYear())));
        }
        // the widths of the columns the roster place and the person record keep them in
        if (d.position() != null && d.position().length() > 200) {
            problems.add(new RosterPreview.Problem("roster.error.position", List.of(200)));
        }
        if (d.organisation() != null && d.organisation().length() > 255) {
            problems.add(new RosterPreview.Problem("roster.error.organisation", List.of(255)));
        }
        return problems;
    }

    /** What was typed, as much of it as a message can show (a pasted page must not become the message). */
    private static String shown(String typed) {
        return typed.length() > 40 ? typed.substring(0, 40) + "…" : typed;
    }
}
