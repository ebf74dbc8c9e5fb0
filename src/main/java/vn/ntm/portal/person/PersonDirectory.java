package vn.ntm.portal.person;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.common.PhoneNumbers;
import vn.ntm.portal.person.domain.Person;
import vn.ntm.portal.person.domain.PersonRepository;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Finds and records persons. Callers (the training module's services) check authorization; this module only
 * keeps one record per real person.
 */
@Service
public class PersonDirectory {

    private final PersonRepository persons;
    private final Clock clock;

    PersonDirectory(PersonRepository persons, Clock clock) {
        this.persons = persons;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PersonMatch match(PersonDetails details) {
        if (details.nationalId() != null) {
            Optional<Person> byId = persons.findByNationalId(details.nationalId());
            if (byId.isPresent()) {
                return new PersonMatch(PersonMatch.Kind.NATIONAL_ID, byId.get().getId());
            }
        }
        String phone = PhoneNumbers.normalize(details.phone());
        if (phone != null) {
            List<Person> byPhone = persons.findByPhone(phone);
            if (!byPhone.isEmpty()) {
                return new PersonMatch(PersonMatch.Kind.PHONE, byPhone.getFirst().getId());
            }
        }
        if (details.birthYear() != null && details.communeId() != null) {
            List<Person> lookalikes = persons.findLookalikes(details.fullName(), details.birthYear(), details.communeId());
            if (!lookalikes.isEmpty()) {
                return new PersonMatch(PersonMatch.Kind.POSSIBLE_DUPLICATE, lookalikes.getFirst().getId());
            }
        }
        return PersonMatch.NEW;
    }

    /** The stored person these details certainly belong to (filling in what was missing), or a new person. */
    @Transactional
    public long findOrCreate(PersonDetails details) {
        PersonMatch match = match(details);
        if (match.certain() && match.personId() != null) {
            Person person = persons.findById(match.personId()).orElseThrow();
            person.fillGaps(details);
            return person.getId();
        }
        return create(details);
    }

    @Transactional
    public long create(PersonDetails details) {
        PersonDetails clean = new PersonDetails(details.fullName().strip().replaceAll("\\s+", " "), details.gender(),
                details.birthYear(), PhoneNumbers.normalize(details.phone()), details.nationalId(), details.communeId(),
                details.position(), details.level(), details.organisation());
        return persons.save(new Person(clean, clock.instant())).getId();
    }

    /** The person of an account: found as {@link #findByAccount}, or created from what the account says. */
    @Transactional
    public long forAccount(long accountId, PersonDetails details) {
        return findByAccount(accountId, details.phone()).map(PersonSummary::id).orElseGet(() -> {
            Person person = persons.save(new Person(details, clock.instant()));
            person.linkAccount(accountId);
            return person.getId();
        });
    }

    @Transactional(readOnly = true)
    public Optional<PersonSummary> findById(long id) {
        return persons.findById(id).map(Person::toSummary);
    }

    /**
     * The person of a signed-in account: the one linked to it, or else the one with the account's phone, which
     * is then linked (a roster imported before the trainee registered names them by phone).
     */
    @Transactional
    public Optional<PersonSummary> findByAccount(long accountId, @Nullable String accountPhone) {
        Optional<Person> linked = persons.findByAccountId(accountId);
        if (linked.isPresent()) {
            return linked.map(Person::toSummary);
        }
        String phone = PhoneNumbers.normalize(accountPhone);
        if (phone == null) {
            return Optional.empty();
        }
        return persons.findByPhone(phone).stream().filter(p -> p.getAccountId() == null).findFirst().map(p -> {
            p.linkAccount(accountId);
            return p.toSummary();
        });
    }
}
