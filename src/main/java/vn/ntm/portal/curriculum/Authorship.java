package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.domain.Programme;
import vn.ntm.portal.curriculum.domain.ProgrammeAuthors;
import vn.ntm.portal.curriculum.domain.ProgrammeRepository;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

/**
 * Who may change which programme. Its managers - administrators, and for a programme owned by a unit the
 * coordinators whose scope contains that unit - keep the programme, its topic groups and topics, and name its
 * authors. Its authors - the managers and the trainers and coordinators named for it - write its modules and lessons
 * and publish or withdraw them. A national programme (no owner unit) is managed by administrators only. A role alone
 * gives no right to any programme, so an account created by a coordinator cannot touch the national curriculum.
 */
@Component
class Authorship {

    private final CurrentUser currentUser;
    private final ProgrammeRepository programmes;
    private final ProgrammeAuthors authors;
    private final UnitDirectory units;

    Authorship(CurrentUser currentUser, ProgrammeRepository programmes, ProgrammeAuthors authors, UnitDirectory units) {
        this.currentUser = currentUser;
        this.programmes = programmes;
        this.authors = authors;
        this.units = units;
    }

    boolean manages(PortalUser user, Programme programme) {
        if (user.isAdmin()) {
            return true;
        }
        String owner = ownerPath(programme);
        return user.role() == Role.COORDINATOR && owner != null && user.manages(owner);
    }

    boolean authors(PortalUser user, Programme programme) {
        return manages(user, programme) || ((user.role() == Role.TRAINER || user.role() == Role.COORDINATOR)
                && authors.isAuthor(programme.getId(), user.accountId()));
    }

    /** Refuses the call unless the signed-in person may write this programme's modules and lessons. */
    Programme requireAuthor(long programmeId) {
        Programme programme = programme(programmeId);
        if (!authors(currentUser.require(), programme)) {
            throw new AccessDeniedException("Not an author of programme " + programmeId);
        }
        return programme;
    }

    /** Refuses the call unless the signed-in person manages this programme. */
    Programme requireManager(long programmeId) {
        Programme programme = programme(programmeId);
        if (!manages(currentUser.require(), programme)) {
            throw new AccessDeniedException("Does not manage programme " + programmeId);
        }
        return programme;
    }

    /** Where the audit entries of a programme are read: its owner unit, or administrators only for a national one. */
    @Nullable String ownerPath(Programme programme) {
        Long owner = programme.getOwnerUnitId();
        return owner == null ? null : units.findById(owner).map(UnitSummary::path).orElse(null);
    }

    Programme programme(long programmeId) {
        return programmes.findById(programmeId).orElseThrow(() -> new ValidationException("curriculum.error.programmeNotFound"));
    }
}
