package vn.ntm.portal.training;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.audit.AuditAction;
import vn.ntm.portal.audit.AuditSubject;
import vn.ntm.portal.audit.AuditTrail;
import vn.ntm.portal.audit.AuditedChange;
import vn.ntm.portal.cluster.SharedSecrets;
import vn.ntm.portal.common.ValidationException;

/**
 * The administrator replaces the secret the check-in codes derive from (after it may have leaked, e.g. with a copy
 * of the database). Boards show codes of the new secret at their next refresh; codes of the old one are still
 * accepted for two code windows, so nobody typing a code at that moment is turned away. Audited, without the secret.
 */
@Service
public class CheckInSecretService {

    private final SharedSecrets secrets;
    private final AuditTrail trail;
    private final boolean fixedByConfiguration;

    CheckInSecretService(SharedSecrets secrets, AuditTrail trail,
                         @org.springframework.beans.factory.annotation.Value("${portal.checkin.secret:}") String configured) {
        this.secrets = secrets;
        this.trail = trail;
        this.fixedByConfiguration = !configured.isBlank();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void rotate() {
        if (fixedByConfiguration) {
            // the operator chose the secret (portal.checkin.secret): it changes in the configuration, not here
            throw new ValidationException("checkin.secret.configured");
        }
        var before = secrets.reload(CheckInCodes.SECRET_NAME).rotatedAt();
        var after = secrets.rotate(CheckInCodes.SECRET_NAME);
        trail.record(AuditedChange.of(AuditSubject.SECRET, 1, CheckInCodes.SECRET_NAME, null, AuditAction.UPDATED)
                .field("rotated_at", before, after));
    }
}
