package vn.ntm.portal.reporting;

import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.NewAccount;
import vn.ntm.portal.person.PersonDetails;
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
import vn.ntm.portal.unit.ImportProgress;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Sơn La and Hà Tĩnh with a few communes, a township of Cẩm Xuyên district dissolved in 2025 into today's commune
 * Cẩm Xuyên, Hà Giang (dissolved into Tuyên Quang) with a district and two of its communes, the coordinators of both provinces, and helpers to hold classes (with trainers, if wished) through the
 * training services.
 */
public final class ReportingWorld {

    public final JdbcTemplate jdbc;
    public final AccountService accounts;
    public final ClassService classes;
    public final SessionService sessions;
    public final RosterService roster;
    public final AttendanceService attendance;
    public final UnitSummary sonLa;
    public final UnitSummary muongChien;
    public final UnitSummary haTinh;
    public final UnitSummary camXuyen;
    public final UnitSummary kyAnh;
    public final UnitSummary oldTownship;
    /** Tuyên Quang, which absorbed Hà Giang in 2025, and its commune Vị Xuyên (successor of the old township). */
    public final UnitSummary tuyenQuang;
    public final UnitSummary viXuyen;
    /** Hà Giang (dissolved 2025), its district Vị Xuyên, the district's township (with a successor) and a commune (without). */
    public final UnitSummary haGiang;
    public final UnitSummary haGiangDistrict;
    public final UnitSummary haGiangTownship;
    public final UnitSummary haGiangCommune;

    public ReportingWorld(JdbcTemplate jdbc, UnitImportService unitImport, UnitDirectory units, AccountService accounts, ClassService classes,
                   SessionService sessions, RosterService roster, AttendanceService attendance) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.classes = classes;
        this.sessions = sessions;
        this.roster = roster;
        this.attendance = attendance;
        ViewTestData.load(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        unitImport.importFile("more.csv", """
                code,name,kind,parent_code,valid_from,valid_to,successor_codes
                18775,Kỳ Anh,xã,42,,,
                H443,Cẩm Xuyên,huyện,42,,2025-06-30,
                H18676,Cẩm Xuyên,thị trấn,H443,,2025-06-30,18673
                08,Tuyên Quang,tỉnh,,,,
                02716,Vị Xuyên,xã,08,,,
                H02,Hà Giang,tỉnh,,,2025-06-30,08
                H024,Vị Xuyên,huyện,H02,,2025-06-30,
                H00700,Vị Xuyên,thị trấn,H024,,2025-06-30,02716
                H00701,Đạo Đức,xã,H024,,2025-06-30,
                """.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);
        sonLa = units.findByCode("14").orElseThrow();
        muongChien = units.findByCode("03688").orElseThrow();
        haTinh = units.findByCode("42").orElseThrow();
        camXuyen = units.findByCode("18673").orElseThrow();
        kyAnh = units.findByCode("18775").orElseThrow();
        oldTownship = units.findByCode("H18676").orElseThrow();
        tuyenQuang = units.findByCode("08").orElseThrow();
        viXuyen = units.findByCode("02716").orElseThrow();
        haGiang = units.findByCode("H02").orElseThrow();
        haGiangDistrict = units.findByCode("H024").orElseThrow();
        haGiangTownship = units.findByCode("H00700").orElseThrow();
        haGiangCommune = units.findByCode("H00701").orElseThrow();
    }

    /** A class of two days (four sessions) with these persons; attended[i] = how many sessions person i attended. */
    public Held hold(String code, UnitSummary unit, LocalDate start, DeliveryMode mode, OrganisingLevel level, long budget,
              List<PersonDetails> persons, int... attended) {
        return hold(form(code, unit, start, mode, level, budget, "Bộ tiêu chí quốc gia về xã nông thôn mới", List.of()), persons, attended);
    }

    /** The class every helper here holds, with these topics and trainers (account ids). */
    public static ClassForm form(String code, UnitSummary unit, LocalDate start, DeliveryMode mode, OrganisingLevel level, long budget,
                                 String topics, List<Long> trainers) {
        return new ClassForm(code, "Lớp " + code, "NTM 2021-2025", topics, unit.id(), null, level, "Cán bộ xã", mode, "Hội trường", null,
                start, start.plusDays(1), null, budget, ClassStatus.FINISHED, 80, trainers);
    }

    /** A class of two days (four sessions) as the form says, with these persons; attended[i] as above. */
    public Held hold(ClassForm form, List<PersonDetails> persons, int... attended) {
        var c = classes.create(form);
        LocalDate start = form.startDate();
        List<SessionSummary> four = sessions.createBulk(c.id(), start, start.plusDays(1), EnumSet.of(SessionPart.MORNING, SessionPart.AFTERNOON));
        long[] ids = new long[persons.size()];
        for (int i = 0; i < persons.size(); i++) {
            ids[i] = roster.add(c.id(), persons.get(i));
            for (int s = 0; s < attended[i]; s++) {
                attendance.mark(four.get(s).id(), ids[i], AttendanceStatus.PRESENT, null, null);
            }
        }
        return new Held(c.id(), four, ids);
    }

    public record Held(long classId, List<SessionSummary> sessions, long[] personIds) {
    }

    /** A trainer's account in the unit; its id. */
    public long trainer(String username, String fullName, UnitSummary unit) {
        return accounts.create(new NewAccount(username, fullName, null, null, Role.TRAINER, unit.id(), null, null, ViewTestData.PASSWORD)).id();
    }

    public static PersonDetails person(String name, String phone, vn.ntm.portal.account.TraineeLevel level) {
        return new PersonDetails(name, null, 1980, phone, null, null, "Cán bộ", level, null);
    }

    /** Waits for the event listeners: true as soon as the condition holds, false after the time given. */
    public static boolean within(Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** Waits until no event publication is left unfinished (the summaries are then current). */
    public void settle() {
        TestData.awaitEventsHandled(jdbc);
        // with a test clock (SettableClock) publications carry the test's date, which the wait above does not take for
        // recent: wait for every open publication and the whole reporting queue too
        within(Duration.ofSeconds(20), () -> jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where completion_date is null"
                + " and (status is null or status <> 'FAILED')", Long.class) == 0
                && jdbc.queryForObject("select count(*) from report_pending", Long.class) == 0);
    }
}
