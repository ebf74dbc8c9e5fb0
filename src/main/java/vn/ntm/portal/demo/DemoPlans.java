package vn.ntm.portal.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.ntm.portal.plan.PlanForm;
import vn.ntm.portal.plan.PlanService;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.unit.UnitDirectory;

/**
 * Training plans of Sơn La and Hà Tĩnh for 2024 and 2025 (illustrative figures), so that the dashboard shows plan
 * against actual for the demo's past classes. Runs after {@link DemoData}, only while no plan exists yet.
 */
@Component
@Profile("demo")
@Order(-9)
class DemoPlans implements ApplicationRunner {

    private final PlanService plans;
    private final UnitDirectory units;

    DemoPlans(PlanService plans, UnitDirectory units) {
        this.plans = plans;
        this.units = units;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (units.findByCode("42").isEmpty() || units.findByCode("14").isEmpty()) {
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        PortalUser loader = new PortalUser(0, "demo-loader", "Demo", Role.ADMIN, null, null, true, null);
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null, loader.getAuthorities()));
        SecurityContextHolder.setContext(system);
        try {
            if (plans.count(null, null) > 0) {
                return;
            }
            for (String province : new String[]{"14", "42"}) {
                long unit = units.findByCode(province).orElseThrow().id();
                for (int year = 2024; year <= 2025; year++) {
                    plans.save(null, 0, new PlanForm(unit, year, OrganisingLevel.PROVINCE, null, 2, 30, 80_000_000L));
                    plans.save(null, 0, new PlanForm(unit, year, OrganisingLevel.COMMUNE, null, 3, 40, 90_000_000L));
                }
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
