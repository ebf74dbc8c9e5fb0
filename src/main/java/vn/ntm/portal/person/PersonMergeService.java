package vn.ntm.portal.person;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.audit.AuditAction;
import vn.ntm.portal.audit.AuditSubject;
import vn.ntm.portal.audit.AuditTrail;
import vn.ntm.portal.audit.AuditedChange;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.person.domain.Person;
import vn.ntm.portal.person.domain.PersonRepository;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

import java.util.List;

/**
 * Finds persons in the caller's scope and merges two records of the same person. The merged record stays (marked
 * as merged) and its history moves to the kept one through the {@link PersonsMerged} event, so that whatever the
 * training records say, it is counted once.
 */
@Service
public class PersonMergeService {

    private final PersonRepository persons;
    private final UnitDirectory units;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    private final AccountService accounts;

    PersonMergeService(PersonRepository persons, UnitDirectory units, CurrentUser currentUser, ApplicationEventPublisher events,
                       AuditTrail audit, AccountService accounts) {
        this.accounts = accounts;
        this.audit = audit;
        this.persons = persons;
        this.units = units;
        this.currentUser = currentUser;
        this.events = events;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public List<PersonSummary> search(String text, int offset, int limit) {
        int size = Math.max(limit, 1);
        return persons.search(currentUser.require().scopePath(), text.strip(), PageRequest.of(offset / size, size)).stream()
                .map(Person::toSummary).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public void merge(long keptId, long mergedId) {
        if (keptId == mergedId) {
            throw new ValidationException("person.error.samePerson");
        }
        Person kept = persons.findById(keptId).orElseThrow(() -> new ValidationException("person.error.notFound"));
        Person merged = persons.findById(mergedId).orElseThrow(() -> new ValidationException("person.error.notFound"));
        if (kept.getMergedInto() != null || merged.getMergedInto() != null) {
            throw new ValidationException("person.error.alreadyMerged");
        }
        if (kept.getAccountId() != null && merged.getAccountId() != null) {
            throw new ValidationException("person.error.twoAccounts");
        }
        String keptNationalId = kept.toSummary().nationalId();
        String mergedNationalId = merged.toSummary().nationalId();
        if (keptNationalId != null && mergedNationalId != null && !keptNationalId.equals(mergedNationalId)) {
            // different national IDs are different people, whatever else they share (a household phone, a name)
            throw new ValidationException("person.error.twoNationalIds");
        }
        requireInScope(kept);
        requireInScope(merged);
        PersonSummary keptBefore = kept.toSummary();
        PersonSummary mergedBefore = merged.toSummary();
        Person.Identifiers released = merged.mergeInto(keptId);
        persons.flush();
        kept.absorb(merged, released);
        persons.flush();
        PersonSummary keptAfter = kept.toSummary();
        audit.record(AuditedChange.of(AuditSubject.PERSON, keptId, keptAfter.fullName(), pathOf(kept), AuditAction.MERGED)
                .field("mergedFrom", null, "#" + mergedId + " " + mergedBefore.fullName())
                .field("phone", keptBefore.phone(), keptAfter.phone())
                .field("nationalId", mask(keptBefore.nationalId()), mask(keptAfter.nationalId()))
                .field("birthYear", keptBefore.birthYear(), keptAfter.birthYear()));
        audit.record(AuditedChange.of(AuditSubject.PERSON, mergedId, mergedBefore.fullName(), pathOf(merged), AuditAction.MERGED)
                .field("mergedInto", null, "#" + keptId + " " + keptAfter.fullName()));
        events.publishEvent(new PersonsMerged(keptId, mergedId));
    }

    /**
     * A coordinator confirms that an account belongs to the person of this record (they know the person, or saw
     * their papers): from then on the account's check-ins and requests count for this record. The only way an
     * account gets a record it did not create itself.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public PersonSummary linkAccount(long personId, String login) {
        Person person = persons.findById(personId).orElseThrow(() -> new ValidationException("person.error.notFound"));
        if (person.getMergedInto() != null) {
            throw new ValidationException("person.error.alreadyMerged");
        }
        requireInScope(person);
        if (person.getAccountId() != null) {
            throw new ValidationException("person.error.alreadyLinked");
        }
        AccountSummary account = accounts.findManaged(login == null ? "" : login)
                .orElseThrow(() -> new ValidationException("person.error.accountNotFound"));
        if (persons.findByAccountId(account.id()).isPresent()) {
            throw new ValidationException("person.error.accountLinkedElsewhere");
        }
        person.linkAccount(account.id());
        persons.flush();
        audit.record(AuditedChange.of(AuditSubject.PERSON, personId, person.toSummary().fullName(), pathOf(person), AuditAction.UPDATED)
                .field("account", null, account.username()));
        return person.toSummary();
    }

    private @Nullable String pathOf(Person person) {
        return person.getCommuneId() == null ? null : units.findById(person.getCommuneId()).map(UnitSummary::path).orElse(null);
    }

    /** National ID numbers are kept out of the trail in full: the last four digits identify the change. */
    private static @Nullable String mask(@Nullable String nationalId) {
        return nationalId == null ? null : "•••" + nationalId.substring(Math.max(0, nationalId.length() - 4));
    }

    private void requireInScope(Person person) {
        PortalUser user = currentUser.require();
        String path = pathOf(person);
        // a person without a commune in scope still belongs to the coordinator of a class they took part in
        boolean tookPart = user.scopePath() != null && persons.tookPartUnder(person.getId(), user.scopePath()) > 0;
        if (!user.manages(path) && !tookPart) {
            throw new AccessDeniedException("Person outside the caller's scope");
        }
    }
}
