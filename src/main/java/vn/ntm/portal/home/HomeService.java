package vn.ntm.portal.home;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.OrganisationService;
import vn.ntm.portal.unit.OrganisationSummary;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitLevel;
import vn.ntm.portal.unit.UnitSummary;

import java.util.Map;

/** Gathers the figures and facts of the home page, within the reader's scope. */
@Service
class HomeService {

    private final AccountService accounts;
    private final UnitDirectory units;
    private final OrganisationService organisations;

    HomeService(AccountService accounts, UnitDirectory units, OrganisationService organisations) {
        this.accounts = accounts;
        this.units = units;
        this.organisations = organisations;
    }

    record Overview(AccountSummary me, String unitLabel, String provinceName, String organisationName,
                    long provinces, long communes, long organisations, Map<Role, Long> accountsByRole) {
    }

    @PreAuthorize("isAuthenticated()")
    Overview overview() {
        AccountSummary me = accounts.me();
        UnitSummary unit = me.unitId() == null ? null : units.findById(me.unitId()).orElse(null);
        String unitLabel = unit == null ? "" : unit.name();
        String provinceName = unit == null ? "" : units.provinceOf(unit).map(UnitSummary::name).orElse("");
        String organisationName = me.organisationId() == null ? ""
                : organisations.findById(me.organisationId()).map(OrganisationSummary::name).orElse("");
        if (me.role() == Role.ADMIN || me.role() == Role.COORDINATOR) {
            return new Overview(me, unitLabel, provinceName, organisationName,
                    units.countCurrent(UnitLevel.PROVINCE), units.countCurrent(UnitLevel.COMMUNE), organisations.count(),
                    accounts.countByRole());
        }
        return new Overview(me, unitLabel, provinceName, organisationName, 0, 0, 0, Map.of());
    }
}
