package vn.ntm.portal.training;

import vn.ntm.portal.common.PhoneNumbers;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.person.PersonDetails;

import java.time.Year;

/** What a roster row must satisfy, whether typed in a form or read from a file. */
final class PersonRules {

    private PersonRules() {
    }

    static void check(PersonDetails d) {
        if (d.fullName() == null || d.fullName().strip().length() < 2 || d.fullName().length() > 200) {
            throw new ValidationException("roster.error.name");
        }
        if (d.phone() != null && !d.phone().isBlank() && PhoneNumbers.normalize(d.phone()) == null) {
            throw new ValidationException("roster.error.phone", d.phone());
        }
        if (d.nationalId() != null && !d.nationalId().matches("\\d{9}|\\d{12}")) {
            throw new ValidationException("roster.error.nationalId", d.nationalId());
        }
        if (d.birthYear() != null && (d.birthYear() < 1900 || d.birthYear() > Year.now().getValue())) {
            throw new ValidationException("roster.error.birthYear", d.birthYear());
        }
    }
}
