package vn.ntm.portal.person;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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

    PersonMergeService(PersonRepository persons, UnitDirectory units, CurrentUser currentUser, ApplicationEventPublisher events) {
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
        requireInScope(kept);
        requireInScope(merged);
        Person.Identifiers released = merged.mergeInto(keptId);
        persons.flush();
        kept.absorb(merged, released);
        persons.flush();
        events.publishEvent(new PersonsMerged(keptId, mergedId));
    }

    private void requireInScope(Person person) {
        PortalUser user = currentUser.require();
        String path = person.getCommuneId() == null ? null : units.findById(person.getCommuneId()).map(UnitSummary::path).orElse(null);
        if (!user.manages(path)) {
            throw new AccessDeniedException("Person outside the caller's scope");
        }
    }
}
