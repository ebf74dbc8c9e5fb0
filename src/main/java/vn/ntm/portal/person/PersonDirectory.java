package vn.ntm.portal.person;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.common.PhoneNumbers;
import vn.ntm.portal.person.domain.Person;
import vn.ntm.portal.person.domain.PersonBatches;
import vn.ntm.portal.person.domain.PersonRepository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and records persons. Callers (the training module's services) check authorization; this module only
 * keeps one record per real person.
 */
@Service
public class PersonDirectory {

    private final PersonRepository persons;
    private final PersonBatches batches;
    private final Clock clock;

    PersonDirectory(PersonRepository persons, PersonBatches batches, Clock clock) {
        this.persons = persons;
        this.batches = batches;
        this.clock = clock;
    }

    /**
     * {@link #match} for many rows at once (a roster file): the same order of rules, with the candidates of all
     * rows loaded in a few set-based queries instead of up to three queries per row. One match per row, in order.
     */
    @Transactional(readOnly = true)
    public List<PersonMatch> matchAll(List<PersonDetails> rows) {
        return matchAll(rows, true);
    }

    /**
     * {@link #matchAll}, then each row that no stored person answers compared with the rows before it that will
     * create a person, by the same rules an import applies to them once they are stored: the same national ID, or a
     * phone that exactly one of them gives with no contradicting ID (several: a possible duplicate). A preview
     * shows with it what the import will really do with a person written twice in one file.
     */
    @Transactional(readOnly = true)
    public List<SheetMatch> matchSheet(List<PersonDetails> rows) {
        List<PersonMatch> stored = matchAll(rows, true);
        Map<String, Integer> newById = new java.util.HashMap<>();
        Map<String, List<PersonBatches.PhoneHolder>> newByPhone = new java.util.HashMap<>();
        List<SheetMatch> result = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            PersonMatch m = stored.get(i);
            PersonDetails d = rows.get(i);
            String phone = PhoneNumbers.normalize(d.phone());
            SheetMatch sheetMatch = new SheetMatch(m, null);
            if (m.kind() == PersonMatch.Kind.NEW) {
                Integer sameId = d.nationalId() == null ? null : newById.get(d.nationalId());
                PersonMatch byPhone = phone == null ? null : byPhone(d.nationalId(), newByPhone.getOrDefault(phone, List.of()));
                if (sameId != null) {
                    sheetMatch = new SheetMatch(new PersonMatch(PersonMatch.Kind.NATIONAL_ID, null), sameId);
                } else if (byPhone != null) {
                    sheetMatch = new SheetMatch(new PersonMatch(byPhone.kind(), null), byPhone.personId().intValue());
                }
            }
            result.add(sheetMatch);
            boolean createsPerson = !sheetMatch.match().certain();
            if (createsPerson) {
                // the row index stands in for the id the person will get
                if (d.nationalId() != null) {
                    newById.putIfAbsent(d.nationalId(), i);
                }
                if (phone != null) {
                    newByPhone.computeIfAbsent(phone, k -> new ArrayList<>()).add(new PersonBatches.PhoneHolder(i, d.nationalId()));
                }
            }
        }
        return result;
    }

    /** {@link #matchAll} without the look for possible duplicates: only the certain matches (national ID, phone). */
    @Transactional(readOnly = true)
    public List<PersonMatch> matchCertain(List<PersonDetails> rows) {
        return matchAll(rows, false);
    }

    private List<PersonMatch> matchAll(List<PersonDetails> rows, boolean lookForLookalikes) {
        Set<String> nationalIds = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (PersonDetails d : rows) {
            if (d.nationalId() != null) {
                nationalIds.add(d.nationalId());
            }
            String phone = PhoneNumbers.normalize(d.phone());
            if (phone != null) {
                phones.add(phone);
            }
        }
        Map<String, Long> byId = batches.byNationalIds(nationalIds);
        Map<String, List<PersonBatches.PhoneHolder>> byPhone = batches.byPhones(phones);
        List<PersonMatch> matches = new ArrayList<>(rows.size());
        List<PersonBatches.Lookalike> lookalikes = new ArrayList<>();
        List<Integer> lookalikeRows = new ArrayList<>();
        for (PersonDetails d : rows) {
            Long id = d.nationalId() == null ? null : byId.get(d.nationalId());
            String phone = PhoneNumbers.normalize(d.phone());
            PersonMatch byPhoneMatch = phone == null ? null : byPhone(d.nationalId(), byPhone.getOrDefault(phone, List.of()));
            if (id != null) {
                matches.add(new PersonMatch(PersonMatch.Kind.NATIONAL_ID, id));
            } else if (byPhoneMatch != null) {
                matches.add(byPhoneMatch);
            } else {
                if (lookForLookalikes && d.birthYear() != null && d.communeId() != null) {
                    lookalikeRows.add(matches.size());
                    lookalikes.add(new PersonBatches.Lookalike(d.fullName(), d.birthYear(), d.communeId()));
                }
                matches.add(PersonMatch.NEW);
            }
        }
        Map<Integer, Long> found = batches.lookalikes(lookalikes);
        found.forEach((i, personId) -> matches.set(lookalikeRows.get(i), new PersonMatch(PersonMatch.Kind.POSSIBLE_DUPLICATE, personId)));
        return matches;
    }

    /**
     * What a phone tells about who a row is. A phone is often a household's: it is the person only when exactly one
     * stored person gives it and that person's national ID does not contradict the row's (different national IDs
     * are different people). Anything else (the phone of someone with another ID, or of several people) is at most
     * a possible duplicate for a coordinator to decide; null when nobody gives the phone.
     */
    static @Nullable PersonMatch byPhone(@Nullable String nationalId, List<PersonBatches.PhoneHolder> holders) {
        if (holders.isEmpty()) {
            return null;
        }
        List<PersonBatches.PhoneHolder> compatible = holders.stream()
                .filter(h -> nationalId == null || h.nationalId() == null || h.nationalId().equals(nationalId)).toList();
        if (holders.size() == 1 && compatible.size() == 1) {
            return new PersonMatch(PersonMatch.Kind.PHONE, compatible.getFirst().id());
        }
        return new PersonMatch(PersonMatch.Kind.POSSIBLE_DUPLICATE, (compatible.isEmpty() ? holders : compatible).getFirst().id());
    }

    /** {@link #create} for many persons at once; their IDs in the order given. */
    @Transactional
    public List<Long> createAll(List<PersonDetails> details) {
        return batches.insertAll(details.stream().map(PersonDirectory::clean).toList(), clock.instant());
    }

    /** What {@link #findOrCreate} does to a certainly matched person, for many at once: fills in what was not known. */
    @Transactional
    public void fillGapsAll(Map<Long, PersonDetails> detailsByPerson) {
        batches.fillGapsAll(detailsByPerson);
    }

    private static PersonDetails clean(PersonDetails details) {
        return new PersonDetails(details.fullName().strip().replaceAll("\\s+", " "), details.gender(),
                details.birthYear(), PhoneNumbers.normalize(details.phone()), details.nationalId(), details.communeId(),
                details.position(), details.level(), details.organisation());
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
            PersonMatch byPhoneMatch = byPhone(details.nationalId(), batches.byPhones(List.of(phone)).getOrDefault(phone, List.of()));
            if (byPhoneMatch != null) {
                return byPhoneMatch;
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
        return persons.save(new Person(clean(details), clock.instant())).getId();
    }

    /**
     * The person of an account: the record linked to it, or else a new record from what the account says. Never a
     * record found by the account's phone: anyone can register with anyone's phone, so only a coordinator's
     * confirmation ({@link PersonMergeService#linkAccount}) joins an account to a record it did not create.
     */
    @Transactional
    public long forAccount(long accountId, PersonDetails details) {
        return findByAccount(accountId).map(PersonSummary::id).orElseGet(() -> {
            Person person = persons.save(new Person(clean(details), clock.instant()));
            person.linkAccount(accountId);
            return person.getId();
        });
    }

    @Transactional(readOnly = true)
    public Optional<PersonSummary> findById(long id) {
        return persons.findById(id).map(Person::toSummary);
    }

    /** Several persons at once (a page of a list), by id; ids not found are left out. */
    @Transactional(readOnly = true)
    public Map<Long, PersonSummary> findAllById(java.util.Collection<Long> ids) {
        Map<Long, PersonSummary> found = new java.util.HashMap<>();
        persons.findAllById(ids).forEach(p -> found.put(p.getId(), p.toSummary()));
        return found;
    }

    /** The person record linked to a signed-in account, if any; linking is a coordinator's confirmed act. */
    @Transactional(readOnly = true)
    public Optional<PersonSummary> findByAccount(long accountId) {
        return persons.findByAccountId(accountId).map(Person::toSummary);
    }

    /**
     * Every record of these persons: themselves, the records they were merged into and the records merged into them
     * (for read models that follow merges; ids only, no personal data).
     */
    @Transactional(readOnly = true)
    public List<Long> recordsOfSamePersons(java.util.Collection<Long> ids) {
        return batches.recordsOfSamePersons(ids);
    }
}
