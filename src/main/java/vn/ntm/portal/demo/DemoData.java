package vn.ntm.portal.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.NewAccount;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.ImportProgress;
import vn.ntm.portal.unit.ImportReport;
import vn.ntm.portal.unit.OrganisationKind;
import vn.ntm.portal.unit.OrganisationService;
import vn.ntm.portal.unit.OrganisationSummary;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Demo data for the quick start, loaded once into an empty database: the 34 provinces, a few communes of
 * Hà Nội, Sơn La and Hà Tĩnh (and two historical units merged in 2025), their coordination offices and
 * one account per role. Goes through the same services as the screens do.
 */
@Component
@Profile("demo")
@Order(-10)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "Demo@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UnitImportService unitImport;
    private final UnitDirectory units;
    private final OrganisationService organisations;
    private final AccountService accounts;

    DemoData(UnitImportService unitImport, UnitDirectory units, OrganisationService organisations, AccountService accounts) {
        this.unitImport = unitImport;
        this.units = units;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (units.findByCode("01").isPresent()) {
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        PortalUser loader = new PortalUser(0, "demo-loader", "Demo", Role.ADMIN, null, null, true, null);
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null, loader.getAuthorities()));
        SecurityContextHolder.setContext(system);
        try {
            load();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void load() {
        ImportReport report = unitImport.importFile("demo/units.csv", read("demo/units.csv"), ImportProgress.NONE);
        if (!report.accepted()) {
            throw new IllegalStateException("Demo units refused: " + report.problems());
        }
        long sonLa = unitId("14");
        long haTinh = unitId("42");
        long haNoi = unitId("01");
        OrganisationSummary sonLaOffice = organisations.create("Văn phòng Điều phối nông thôn mới tỉnh Sơn La",
                OrganisationKind.COORDINATION_OFFICE, sonLa);
        OrganisationSummary haTinhOffice = organisations.create("Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh",
                OrganisationKind.COORDINATION_OFFICE, haTinh);
        organisations.create("Văn phòng Điều phối nông thôn mới thành phố Hà Nội", OrganisationKind.COORDINATION_OFFICE, haNoi);
        organisations.create("Văn phòng Điều phối nông thôn mới Trung ương", OrganisationKind.COORDINATION_OFFICE, haNoi);

        account("admin", "Nguyễn Văn Quản", Role.ADMIN, null, null, null);
        account("dieuphoi.sonla", "Lò Thị Mai", Role.COORDINATOR, sonLa, sonLaOffice.id(), null);
        account("dieuphoi.hatinh", "Trần Văn Hà", Role.COORDINATOR, haTinh, haTinhOffice.id(), null);
        account("dieuphoi.camxuyen", "Phạm Thị Xuân", Role.COORDINATOR, unitId("18673"), null, null);
        account("giangvien", "Hoàng Minh Tuấn", Role.TRAINER, sonLa, sonLaOffice.id(), null);
        account("hocvien", "Cầm Văn Thượng", Role.TRAINEE, unitId("03688"), null, TraineeLevel.COMMUNE_OFFICIAL);
        log.info("Demo data loaded: {} units, 4 organisations, 6 accounts (password {})", report.created(), PASSWORD);
    }

    private void account(String username, String name, Role role, Long unitId, Long organisationId, TraineeLevel level) {
        accounts.create(new NewAccount(username, name, null, null, role, unitId, organisationId, level, PASSWORD));
    }

    private long unitId(String code) {
        return units.findByCode(code).orElseThrow().id();
    }

    private static byte[] read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
