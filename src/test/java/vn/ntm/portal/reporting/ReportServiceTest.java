package vn.ntm.portal.reporting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.AttendanceStatus;
import vn.ntm.portal.training.ClassCounts;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class ReportServiceTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    ClassService classes;
    @Autowired
    SessionService sessions;
    @Autowired
    RosterService roster;
    @Autowired
    AttendanceService attendance;
    @Autowired
    ReportService reports;

    ReportingWorld world;

    @BeforeEach
    void setUp() {
        world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        world.settle();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCheckInReachesTheReportWithinFiveSecondsWithTheSameCountsAsTheClass() {
        TestData.signInAsAdmin();
        var held = world.hold("HT-2023-01", world.camXuyen, LocalDate.of(2023, 4, 10), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE,
                30_000_000, List.of(ReportingWorld.person("Trần Thị An", "0912100001", TraineeLevel.COMMUNE_OFFICIAL),
                        ReportingWorld.person("Lê Văn Bình", "0912100002", TraineeLevel.RESIDENT),
                        ReportingWorld.person("Ngô Văn Cường", "0912100003", TraineeLevel.RESIDENT)), 4, 1, 0);
        ReportFilter filter = ReportFilter.ofPhase(Phase.P2021_2025).withUnit(world.haTinh.id());

        assertThat(ReportingWorld.within(Duration.ofSeconds(5), () -> {
            Figures now = reports.summary(filter, List.of()).total();
            return now.sessionAttendances() == 5 && now.enrolments() == 3;
        })).as("the roster and the marks show within 5 seconds").isTrue();
        ClassCounts counts = attendance.counts(held.classId());
        Figures total = reports.summary(filter, List.of()).total();
        assertThat(total.classes()).isEqualTo(1);
        assertThat(total.enrolments()).isEqualTo(counts.enrolments()).isEqualTo(3);
        assertThat(total.sessionAttendances()).isEqualTo(counts.sessionAttendances()).isEqualTo(5);
        assertThat(total.participations()).isEqualTo(counts.participations()).isEqualTo(2);
        assertThat(total.uniqueParticipants()).isEqualTo(counts.uniqueParticipants()).isEqualTo(2);
        assertThat(total.completions()).isEqualTo(counts.completions()).isEqualTo(1);
        assertThat(total.budgetVnd()).isEqualTo(30_000_000L);

        attendance.mark(held.sessions().get(2).id(), held.personIds()[2], AttendanceStatus.PRESENT, null, null);
        assertThat(ReportingWorld.within(Duration.ofSeconds(5), () -> reports.summary(filter, List.of()).total().participations() == 3))
                .as("a new mark shows within 5 seconds").isTrue();
    }

    @Test
    void classesRecordedUnderADissolvedTownshipCountUnderTodaysCommuneOrAsRecorded() {
        TestData.signInAsAdmin();
        world.hold("HT-2022-CX", world.oldTownship, LocalDate.of(2022, 5, 3), DeliveryMode.IN_PERSON, OrganisingLevel.DISTRICT, 0,
                List.of(ReportingWorld.person("Phan Văn Dũng", "0912100011", TraineeLevel.DISTRICT_OFFICIAL)), 4);
        world.settle();

        ReportSummary today = reports.summary(ReportFilter.ofPhase(Phase.P2021_2025).withUnit(world.haTinh.id()), EnumSet.of(Breakdown.UNIT));
        assertThat(today.rows(Breakdown.UNIT)).extracting(ReportRow::label).containsExactly("Cẩm Xuyên");
        assertThat(today.rows(Breakdown.UNIT).getFirst().unitId()).isEqualTo(world.camXuyen.id());
        assertThat(reports.summary(ReportFilter.all().withUnit(world.camXuyen.id()), List.of()).total().participations()).isEqualTo(1);

        ReportFilter recorded = new ReportFilter(null, null, null, null, null, null, world.haTinh.id(), true, null, null, null, null, null,
                null, null);
        ReportSummary asRecorded = reports.summary(recorded, EnumSet.of(Breakdown.UNIT));
        assertThat(asRecorded.rows(Breakdown.UNIT)).extracting(ReportRow::unitId).containsExactly(world.oldTownship.id());
    }

    @Test
    void coordinatorOfSonLaSeesNoneOfHaTinhsFigures() {
        TestData.signInAsAdmin();
        world.hold("SL-2024-01", world.muongChien, LocalDate.of(2024, 6, 1), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 10,
                List.of(ReportingWorld.person("Lò Văn Sơn", "0912200001", TraineeLevel.COMMUNE_OFFICIAL)), 4);
        world.hold("HT-2024-01", world.camXuyen, LocalDate.of(2024, 6, 1), DeliveryMode.ONLINE, OrganisingLevel.COMMUNE, 20,
                List.of(ReportingWorld.person("Hà Văn Tĩnh", "0912300001", TraineeLevel.COMMUNE_OFFICIAL),
                        ReportingWorld.person("Hà Thị Tĩnh", "0912300002", TraineeLevel.COMMUNE_OFFICIAL)), 4, 4);
        world.settle();

        TestData.signInAsAccount(jdbc, "dp.sonla");
        ReportSummary mine = reports.summary(ReportFilter.all(), EnumSet.allOf(Breakdown.class));
        assertThat(mine.unitName()).isEqualTo("tỉnh Sơn La");
        assertThat(mine.total().classes()).isEqualTo(1);
        assertThat(mine.total().participations()).isEqualTo(1);
        assertThat(mine.total().budgetVnd()).isEqualTo(10);
        assertThat(mine.rows(Breakdown.MODE)).extracting(ReportRow::key).containsExactly("IN_PERSON");
        assertThat(mine.rows(Breakdown.UNIT)).extracting(ReportRow::label).containsExactly("Mường Chiên");
        // asking for Hà Tĩnh, or one of its communes, is refused rather than answered
        assertThatThrownBy(() -> reports.summary(ReportFilter.all().withUnit(world.haTinh.id()), List.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.summary(ReportFilter.all().withUnit(world.camXuyen.id()), List.of()))
                .isInstanceOf(AccessDeniedException.class);
        // the slow path (a filter the cells do not hold) keeps the same scope
        assertThat(reports.summary(ReportFilter.all().withMode(DeliveryMode.ONLINE), List.of()).total().participations()).isZero();
    }

    @Test
    void uniqueParticipantsDoNotAddUpAcrossCommunesWhileTheOtherCountersDo() {
        TestData.signInAsAdmin();
        var an = ReportingWorld.person("Trần Thị An", "0912400001", TraineeLevel.COMMUNE_OFFICIAL);
        var binh = ReportingWorld.person("Lê Văn Bình", "0912400002", TraineeLevel.RESIDENT);
        world.hold("HT-2021-A", world.camXuyen, LocalDate.of(2021, 3, 1), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 5, List.of(an, binh), 4, 2);
        world.hold("HT-2023-B", world.kyAnh, LocalDate.of(2023, 3, 1), DeliveryMode.ONLINE, OrganisingLevel.COMMUNE, 7, List.of(an), 3);
        world.hold("HT-2023-C", world.haTinh, LocalDate.of(2023, 9, 1), DeliveryMode.IN_PERSON, OrganisingLevel.PROVINCE, 9, List.of(an), 1);
        world.settle();

        TestData.signInAsAccount(jdbc, "dp.hatinh");
        ReportSummary s = reports.summary(ReportFilter.ofPhase(Phase.P2021_2025), EnumSet.allOf(Breakdown.class));
        assertThat(s.total().classes()).isEqualTo(3);
        assertThat(s.total().participations()).isEqualTo(4);
        assertThat(s.total().uniqueParticipants()).isEqualTo(2);
        assertThat(s.total().completions()).isEqualTo(1);
        for (Breakdown b : List.of(Breakdown.YEAR, Breakdown.UNIT, Breakdown.MODE, Breakdown.ORGANISING_LEVEL, Breakdown.PROGRAMME)) {
            List<ReportRow> rows = s.rows(b);
            assertThat(rows.stream().mapToLong(r -> r.figures().participations()).sum()).as(b.name()).isEqualTo(4);
            assertThat(rows.stream().mapToLong(r -> r.figures().sessionAttendances()).sum()).as(b.name()).isEqualTo(10);
            assertThat(rows.stream().mapToLong(r -> r.figures().classes()).sum()).as(b.name()).isEqualTo(3);
            assertThat(rows.stream().mapToLong(r -> r.figures().budgetVnd()).sum()).as(b.name()).isEqualTo(21);
        }
        // An took part in three units: counted once in the province, once in each row
        assertThat(s.rows(Breakdown.UNIT)).extracting(r -> r.figures().uniqueParticipants()).containsExactly(1L, 2L, 1L);
        assertThat(s.rows(Breakdown.UNIT).getFirst().key()).isEqualTo("0");
        assertThat(s.rows(Breakdown.TRAINEE_LEVEL)).extracting(ReportRow::key).containsExactly("COMMUNE_OFFICIAL", "RESIDENT");
        assertThat(s.rows(Breakdown.TRAINEE_LEVEL)).extracting(r -> r.figures().uniqueParticipants()).containsExactly(1L, 1L);
        assertThat(s.rows(Breakdown.YEAR)).extracting(ReportRow::key).containsExactly("2021", "2023");
        assertThat(s.rows(Breakdown.YEAR)).extracting(r -> r.figures().uniqueParticipants()).containsExactly(2L, 1L);

        // the same numbers from the per-person rows (a filter the cells do not hold: a custom range)
        ReportFilter range = new ReportFilter(null, null, null, null, LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31), null, false,
                null, null, null, null, null, null, null);
        ReportSummary slow = reports.summary(range, EnumSet.allOf(Breakdown.class));
        assertThat(slow.total()).isEqualTo(s.total());
        for (Breakdown b : Breakdown.values()) {
            assertThat(slow.rows(b)).as(b.name()).isEqualTo(s.rows(b));
        }
    }

    @Test
    void rebuildFromTheBaseTablesGivesWhatTheEventsGave() {
        TestData.signInAsAdmin();
        world.hold("HT-2025-R", world.camXuyen, LocalDate.of(2025, 1, 6), DeliveryMode.BLENDED, OrganisingLevel.COMMUNE, 1,
                List.of(ReportingWorld.person("Trần Văn Một", "0912500001", TraineeLevel.VILLAGE_OFFICIAL),
                        ReportingWorld.person("Trần Văn Hai", "0912500002", TraineeLevel.RESIDENT)), 2, 4);
        world.settle();
        ReportSummary before = reports.summary(ReportFilter.all(), EnumSet.allOf(Breakdown.class));

        reports.rebuild();

        assertThat(reports.summary(ReportFilter.all(), EnumSet.allOf(Breakdown.class))).isEqualTo(before);
    }
}
