package vn.ntm.portal.unit;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.common.Texts;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.unit.domain.AdministrativeUnit;
import vn.ntm.portal.unit.domain.Organisation;
import vn.ntm.portal.unit.domain.OrganisationRepository;
import vn.ntm.portal.unit.domain.UnitRepository;

import java.util.List;
import java.util.Optional;

/** Coordination offices and other organisations; a coordinator manages those of their own unit tree. */
@Service
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final UnitRepository units;
    private final CurrentUser currentUser;

    OrganisationService(OrganisationRepository organisations, UnitRepository units, CurrentUser currentUser) {
        this.organisations = organisations;
        this.units = units;
        this.currentUser = currentUser;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public List<OrganisationSummary> list(int offset, int limit) {
        return organisations.findInScope(currentUser.require().scopePath(),
                        PageRequest.of(offset / Math.max(limit, 1), Math.max(limit, 1)))
                .stream().map(Organisation::toSummary).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public long count() {
        return organisations.countInScope(currentUser.require().scopePath());
    }

    /** Public fact: the organisation an account belongs to. */
    @Transactional(readOnly = true)
    public Optional<OrganisationSummary> findById(long id) {
        return organisations.findById(id).map(Organisation::toSummary);
    }

    /** Adds an organisation to a unit within the caller's scope; the name must be new within that unit. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public OrganisationSummary create(String name, OrganisationKind kind, long unitId) {
        String cleanName = name == null ? "" : Texts.clean(name);
        if (cleanName.isEmpty() || cleanName.length() > 255) {
            throw new ValidationException("organisation.error.name");
        }
        AdministrativeUnit unit = units.findById(unitId).orElseThrow(() -> new ValidationException("organisation.error.unit"));
        currentUser.requireManages(unit.getPath());
        if (organisations.existsByUnitIdAndName(unitId, cleanName)) {
            throw new ValidationException("organisation.error.duplicate");
        }
        return organisations.save(new Organisation(cleanName, kind, unit)).toSummary();
    }
}
