package vn.ntm.portal.certificate;

import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.NewAccount;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.AttendanceStatus;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionPart;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.training.SessionSummary;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shared view-test world (Sơn La and Hà Tĩnh, their coordinators and trainers), plus a 4-session class in Sơn La
 * taught by gv.sonla whose rule is 75 % of sessions: An came to all four, Bình to three, Chi to one.
 */
public final class CertificateWorld {

    final UnitSummary sonLa;
    final UnitSummary haTinh;
    final long trainerHaTinh;
    public final long classId;
    final long an;
    final long binh;
    final long chi;

    public long an() {
        return an;
    }

    public long binh() {
        return binh;
    }

    public CertificateWorld(JdbcTemplate jdbc, UnitImportService unitImport, UnitDirectory units, AccountService accounts, ClassService classes,
                     SessionService sessions, RosterService roster, AttendanceService attendance) {
        reset(jdbc);
        ViewTestData.load(jdbc, unitImport, units, accounts);
        sonLa = units.findByCode("14").orElseThrow();
        haTinh = units.findByCode("42").orElseThrow();
        long trainerSonLa = jdbc.queryForObject("select id from account where username = 'gv.sonla'", Long.class);
        TestData.signInAsAdmin();
        trainerHaTinh = accounts.create(new NewAccount("gv.hatinh", "Giảng viên Hà Tĩnh", null, null, Role.TRAINER, haTinh.id(), null, null,
                ViewTestData.PASSWORD)).id();
        LocalDate start = LocalDate.of(2026, 3, 2);
        classId = classes.create(form("SL-GCN-01", sonLa, start, List.of(trainerSonLa), 75)).id();
        List<SessionSummary> four = sessions.createBulk(classId, start, start.plusDays(1), Set.of(SessionPart.MORNING, SessionPart.AFTERNOON));
        an = roster.add(classId, person("Nguyễn Văn An", "0912000001"));
        binh = roster.add(classId, person("Lò Thị Bình", "0912000002"));
        chi = roster.add(classId, person("Cầm Văn Chi", "0912000003"));
        for (int i = 0; i < four.size(); i++) {
            attendance.mark(four.get(i).id(), an, AttendanceStatus.PRESENT, null, null);
            attendance.mark(four.get(i).id(), binh, i == 3 ? AttendanceStatus.ABSENT : i == 2 ? AttendanceStatus.LATE : AttendanceStatus.PRESENT,
                    null, null);
            if (i == 0) {
                attendance.mark(four.get(i).id(), chi, AttendanceStatus.PRESENT, null, null);
            }
        }
    }

    /** hv.sonla's person record, put on the class's roster and present at all its sessions; returns the person's id. */
    public long traineeOnTheClass(JdbcTemplate jdbc, PersonDirectory persons) {
        long account = jdbc.queryForObject("select id from account where username = 'hv.sonla'", Long.class);
        long self = persons.forAccount(account, person("Người hv.sonla", "0912000009"));
        jdbc.update("insert into roster_entry (class_id, person_id, source, created_at) values (?, ?, 'MANUAL', now())", classId, self);
        jdbc.update("insert into attendance (session_id, person_id, status, source, recorded_at)"
                + " select id, ?, 'PRESENT', 'IMPORT', now() from class_session where class_id = ?", self, classId);
        return self;
    }

    /** Empties the certificate tables and then the shared ones (certificates name no other module's rows by key). */
    static void reset(JdbcTemplate jdbc) {
        TestData.forgetCertificates(jdbc);
        TestData.reset(jdbc);
    }

    static ClassForm form(String code, UnitSummary unit, LocalDate start, List<Long> trainers, int completionShare) {
        return new ClassForm(code, "Lớp tập huấn " + code, "NTM 2021-2025", "Bộ tiêu chí quốc gia về xã NTM", unit.id(), null,
                OrganisingLevel.PROVINCE, "Cán bộ xã", DeliveryMode.IN_PERSON, "Hội trường", null, start, start.plusDays(1), null, null,
                ClassStatus.OPEN, completionShare, trainers);
    }

    static PersonDetails person(String name, String phone) {
        return new PersonDetails(name, null, 1980, phone, null, null, null, null, null);
    }

    public static TemplateForm template(String officeCode) {
        return template(officeCode, false);
    }

    /** The class's template; {@code automatic}: certificates are issued on completion by themselves. */
    public static TemplateForm template(String officeCode, boolean automatic) {
        return new TemplateForm("GIẤY CHỨNG NHẬN", "Văn phòng Điều phối nông thôn mới tỉnh Sơn La", officeCode, "Lê Văn Ký",
                "Chánh Văn phòng", "Sơn La", "Đã hoàn thành khóa tập huấn", 16, false, automatic);
    }

    /** Puts {@code count} trainees on a class's roster, each present at every one of its sessions, in a few statements. */
    static List<Long> crowd(JdbcTemplate jdbc, long classId, String prefix, int count) {
        Instant now = Instant.now();
        List<Object[]> persons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            persons.add(new Object[]{prefix + " " + i, 1990, Timestamp.from(now)});
        }
        jdbc.batchUpdate("insert into person (full_name, birth_year, created_at) values (?, ?, ?)", persons);
        List<Long> ids = jdbc.queryForList("select id from person where full_name like ? order by id", Long.class, prefix + " %");
        List<Object[]> rows = ids.stream().map(id -> new Object[]{classId, id, "MANUAL", Timestamp.from(now)}).toList();
        jdbc.batchUpdate("insert into roster_entry (class_id, person_id, source, created_at) values (?, ?, ?, ?)", rows);
        jdbc.update("""
                insert ignore into attendance (session_id, person_id, status, source, recorded_at)
                select s.id, r.person_id, 'PRESENT', 'IMPORT', ? from class_session s join roster_entry r on r.class_id = s.class_id
                where s.class_id = ?""", Timestamp.from(now), classId);
        return ids;
    }
}
