package vn.ntm.portal.curriculum;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.audit.AuditAction;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.domain.Programme;
import vn.ntm.portal.curriculum.domain.ProgrammeAuthors;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;

import java.time.Clock;
import java.util.List;

/**
 * The authors of a programme, named by its managers (see {@link Authorship}): an administrator names any trainer or
 * coordinator; a coordinator, for a programme owned by a unit in their scope, names trainers and coordinators of
 * their scope. Each naming and removal is in the audit trail.
 */
@Service
public class ProgrammeAuthorService {

    /** An author as the authoring screen lists them. */
    public record Author(long accountId, String username, String fullName, Role role) {
    }

    private final Authorship authorship;
    private final ProgrammeAuthors authors;
    private final CurrentUser currentUser;
    private final CurriculumAudit audit;
    private final Clock clock;

    ProgrammeAuthorService(Authorship authorship, ProgrammeAuthors authors, CurrentUser currentUser, CurriculumAudit audit, Clock clock) {
        this.authorship = authorship;
        this.authors = authors;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(CurriculumService.MANAGERS)
    @Transactional(readOnly = true)
    public List<Author> authors(long programmeId) {
        authorship.requireManager(programmeId);
        return authors.authorsOf(programmeId).stream().map(a -> new Author(a.id(), a.username(), a.fullName(), a.role())).toList();
    }

    /** Names the account with this login name an author of the programme. */
    @PreAuthorize(CurriculumService.MANAGERS)
    @Transactional
    public Author grant(long programmeId, String username) {
        Programme programme = authorship.requireManager(programmeId);
        PortalUser caller = currentUser.require();
        ProgrammeAuthors.Account account = authors.accountByUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> new ValidationException("curriculum.author.error.notFound"));
        if (account.role() != Role.TRAINER && account.role() != Role.COORDINATOR) {
            throw new ValidationException("curriculum.author.error.role");
        }
        if (!account.enabled()) {
            throw new ValidationException("curriculum.author.error.disabled");
        }
        if (!caller.isAdmin() && !caller.manages(account.unitPath())) {
            // an account outside the coordinator's scope is as good as unknown to them
            throw new ValidationException("curriculum.author.error.notFound");
        }
        if (authors.add(programmeId, account.id(), caller.getUsername(), clock.instant())) {
            audit.author(programme, AuditAction.ADDED, label(account));
        }
        return new Author(account.id(), account.username(), account.fullName(), account.role());
    }

    @PreAuthorize(CurriculumService.MANAGERS)
    @Transactional
    public void revoke(long programmeId, long accountId) {
        Programme programme = authorship.requireManager(programmeId);
        ProgrammeAuthors.Account account = authors.account(accountId)
                .orElseThrow(() -> new ValidationException("curriculum.author.error.notFound"));
        if (authors.remove(programmeId, accountId)) {
            audit.author(programme, AuditAction.REMOVED, label(account));
        }
    }

    private static String label(ProgrammeAuthors.Account account) {
        return account.username() + " (" + account.fullName() + ")";
    }
}
