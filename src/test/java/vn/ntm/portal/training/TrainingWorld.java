package vn.ntm.portal.training;

import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Sơn La and Hà Tĩnh, their coordinators and trainers, and helpers to build classes in a test. */
final class TrainingWorld {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    final UnitSummary sonLa;
    final UnitSummary haTinh;
    final UnitSummary muongChien;
    final long trainerSonLa;
    final long trainerHaTinh;

    TrainingWorld(JdbcTemplate jdbc, UnitImportService unitImport, UnitDirectory units, AccountService accounts) {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        sonLa = units.findByCode("14").orElseThrow();
        haTinh = units.findByCode("42").orElseThrow();
        muongChien = units.findByCode("03688").orElseThrow();
        trainerSonLa = jdbc.queryForObject("select id from account where username = 'gv.sonla'", Long.class);
        TestData.signInAsAdmin();
        trainerHaTinh = accounts.create(new vn.ntm.portal.account.NewAccount("gv.hatinh", "Giảng viên Hà Tĩnh", null, null,
                Role.TRAINER, haTinh.id(), null, null, ViewTestData.PASSWORD)).id();
    }

    static ClassForm form(String code, UnitSummary unit, LocalDate start, LocalDate end, List<Long> trainers) {
        return new ClassForm(code, "Lớp tập huấn " + code, "NTM 2021-2025", "Bộ tiêu chí quốc gia về xã NTM", unit.id(), null,
                OrganisingLevel.PROVINCE, "Cán bộ xã", DeliveryMode.IN_PERSON, "Hội trường", null, start, end, null, null,
                ClassStatus.OPEN, 80, trainers);
    }

    static PersonDetails person(String name, String phone) {
        return new PersonDetails(name, null, 1980, phone, null, null, null, null, null);
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
