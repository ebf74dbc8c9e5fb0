package vn.ntm.portal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.NewAccount;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.ImportProgress;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.nio.charset.StandardCharsets;

/** A small world for view tests: Sơn La and Hà Tĩnh with a few communes, and one account per role. */
public final class ViewTestData {

    public static final String PASSWORD = "Matkhau2026";
    private static final String UNITS = """
            code,name,kind,parent_code
            14,Sơn La,tỉnh,
            42,Hà Tĩnh,tỉnh,
            03646,Tô Hiệu,phường,14
            03688,Mường Chiên,xã,14
            18673,Cẩm Xuyên,xã,42
            """;

    private ViewTestData() {
    }

    public static void load(JdbcTemplate jdbc, UnitImportService unitImport, UnitDirectory units, AccountService accounts) {
        TestData.reset(jdbc);
        TestData.signInAsAdmin();
        unitImport.importFile("units.csv", UNITS.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);
        long sonLa = units.findByCode("14").orElseThrow().id();
        long haTinh = units.findByCode("42").orElseThrow().id();
        long muongChien = units.findByCode("03688").orElseThrow().id();
        long camXuyen = units.findByCode("18673").orElseThrow().id();
        create(accounts, "quantri", Role.ADMIN, null, null);
        create(accounts, "dp.sonla", Role.COORDINATOR, sonLa, null);
        create(accounts, "dp.hatinh", Role.COORDINATOR, haTinh, null);
        create(accounts, "gv.sonla", Role.TRAINER, sonLa, null);
        create(accounts, "hv.sonla", Role.TRAINEE, muongChien, TraineeLevel.COMMUNE_OFFICIAL);
        create(accounts, "hv.hatinh", Role.TRAINEE, camXuyen, TraineeLevel.RESIDENT);
        SecurityContextHolder.clearContext();
    }

    private static void create(AccountService accounts, String username, Role role, Long unitId, TraineeLevel level) {
        accounts.create(new NewAccount(username, "Người " + username, null, null, role, unitId, null, level, PASSWORD));
    }
}
