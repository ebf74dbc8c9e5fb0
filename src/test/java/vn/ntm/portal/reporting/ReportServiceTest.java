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
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

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

        // the roster and the marks arrive by separate events: wait for all of them, not just the marks
        assertThat(ReportingWorld.within(Duration.ofSeconds(5), () -> {
            Figures seen = reports.summary(filter, List.of()).total();
            return seen.sessionAttendances() == 5 && seen.enrolments() == 3 && seen.completions() == 1;
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
    void byTrainerCountsAClassWithTwoTrainersForEachAndSaysTheRowsDoNotAddUp() {
        TestData.signInAsAdmin();
        long hoa = world.trainer("gv.hoa", "Nguyễn Văn Hòa", world.haTinh);
        long minh = world.trainer("gv.minh", "Trần Đức Minh", world.haTinh);
        var an = ReportingWorld.person("Trần Thị An", "0912900001", TraineeLevel.COMMUNE_OFFICIAL);
        var binh = ReportingWorld.person("Lê Văn Bình", "0912900002", TraineeLevel.RESIDENT);
        String topics = "Bộ tiêu chí quốc gia";
        world.hold(ReportingWorld.form("HT-2023-T1", world.camXuyen, LocalDate.of(2023, 3, 6), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE,
                10, topics, List.of(hoa, minh)), List.of(an, binh), 4, 2);
        world.hold(ReportingWorld.form("HT-2023-T2", world.kyAnh, LocalDate.of(2023, 5, 8), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE,
                20, topics, List.of(hoa)), List.of(an), 3);
        world.hold(ReportingWorld.form("HT-2023-T3", world.haTinh, LocalDate.of(2023, 9, 4), DeliveryMode.IN_PERSON, OrganisingLevel.PROVINCE,
                40, topics, List.of()), List.of(ReportingWorld.person("Ngô Văn Cường", "0912900003", TraineeLevel.PROVINCE_OFFICIAL)), 1);
        world.settle();

        TestData.signInAsAccount(jdbc, "dp.hatinh");
        ReportSummary s = reports.summary(ReportFilter.all().withYear(2023), EnumSet.of(Breakdown.TRAINER));
        assertThat(s.total().classes()).isEqualTo(3);
        assertThat(s.total().participations()).isEqualTo(4);
        assertThat(s.total().uniqueParticipants()).isEqualTo(3);
        List<ReportRow> rows = s.rows(Breakdown.TRAINER);
        // most participations first, the classes without a trainer last
        assertThat(rows).extracting(ReportRow::key).containsExactly(String.valueOf(hoa), String.valueOf(minh), ReportRow.NO_TRAINER);
        assertThat(rows).extracting(ReportRow::label).startsWith("Nguyễn Văn Hòa", "Trần Đức Minh");
        assertThat(rows).extracting(r -> r.figures().classes()).containsExactly(2L, 1L, 1L);
        assertThat(rows).extracting(r -> r.figures().participations()).containsExactly(3L, 2L, 1L);
        assertThat(rows).extracting(r -> r.figures().uniqueParticipants()).containsExactly(2L, 2L, 1L);
        assertThat(rows).extracting(r -> r.figures().budgetVnd()).containsExactly(30L, 10L, 40L);
        assertThat(rows).extracting(r -> r.figures().onlineEnrolments()).containsOnlyNulls();
        // the class taught by both is in both rows: the rows add up to more than the total, and the report says so
        assertThat(rows.stream().mapToLong(r -> r.figures().classes()).sum()).isEqualTo(4).isGreaterThan(s.total().classes());
        assertThat(Breakdown.TRAINER.rowsAddUp()).isFalse();
        assertThat(List.of(Breakdown.values())).filteredOn(b -> b != Breakdown.TRAINER).allMatch(Breakdown::rowsAddUp);
        ReportDocument doc = ReportDocument.of(s, List.of(Breakdown.TRAINER), ReportExportsTest.T, id -> "?");
        ReportDocument.Section byTrainer = doc.sections().getLast();
        assertThat(byTrainer.heading()).isEqualTo("Theo giảng viên");
        assertThat(byTrainer.rowsAddUp()).isFalse();
        assertThat(byTrainer.note()).startsWith("Lớp có nhiều giảng viên được tính cho mỗi giảng viên");
        assertThat(byTrainer.lines()).extracting(ReportDocument.Line::label).last().isEqualTo("Chưa phân công giảng viên");

        // one trainer's classes: Minh taught only the class he shared
        ReportSummary minhs = reports.summary(ReportFilter.all().withYear(2023).withTrainer(minh), List.of());
        assertThat(minhs.total().classes()).isEqualTo(1);
        assertThat(minhs.total().participations()).isEqualTo(2);
        assertThat(minhs.total().onlineEnrolments()).isNull();
        assertThat(Bulletin.sentence(minhs, ReportExportsTest.T, id -> id == minh ? "Trần Đức Minh" : "?"))
                .isEqualTo("Năm 2023, tỉnh Hà Tĩnh đã tổ chức 1 lớp tập huấn với 2 lượt người tham gia (2 người)."
                        + " Số liệu chỉ tính lớp do giảng viên Trần Đức Minh dạy.");

        // the same rows from the cells' period (a phase) and from a custom range
        ReportFilter range = new ReportFilter(null, null, null, null, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), null, false,
                null, null, null, null, null, null, null);
        assertThat(reports.summary(range, EnumSet.of(Breakdown.TRAINER)).rows(Breakdown.TRAINER)).isEqualTo(rows);
        assertThat(reports.summary(ReportFilter.ofPhase(Phase.P2021_2025), EnumSet.of(Breakdown.TRAINER)).rows(Breakdown.TRAINER))
                .isEqualTo(rows);
    }

    @Test
    void coordinatorOfSonLaSeesOnlyTrainersOfSonLaClasses() {
        TestData.signInAsAdmin();
        long lo = world.trainer("gv.lo", "Lò Văn Lả", world.sonLa);
        long ha = world.trainer("gv.ha", "Hà Văn Hải", world.haTinh);
        // a Hà Tĩnh trainer who also taught one class in Sơn La
        long van = world.trainer("gv.van", "Đặng Thị Vân", world.haTinh);
        world.hold(ReportingWorld.form("SL-2024-T1", world.muongChien, LocalDate.of(2024, 6, 3), DeliveryMode.IN_PERSON,
                OrganisingLevel.COMMUNE, 10, "Chuyển đổi số", List.of(lo, van)),
                List.of(ReportingWorld.person("Lò Văn Sơn", "0913000001", TraineeLevel.COMMUNE_OFFICIAL)), 4);
        world.hold(ReportingWorld.form("HT-2024-T1", world.camXuyen, LocalDate.of(2024, 6, 3), DeliveryMode.IN_PERSON,
                OrganisingLevel.COMMUNE, 20, "Chuyển đổi số", List.of(ha, van)),
                List.of(ReportingWorld.person("Hà Văn Tĩnh", "0913000002", TraineeLevel.COMMUNE_OFFICIAL),
                        ReportingWorld.person("Hà Thị Tĩnh", "0913000003", TraineeLevel.COMMUNE_OFFICIAL)), 4, 4);
        world.settle();

        assertThat(reports.trainers("", 0, 50)).extracting(ReportService.Trainer::name)
                .containsExactly("Đặng Thị Vân", "Hà Văn Hải", "Lò Văn Lả");

        TestData.signInAsAccount(jdbc, "dp.sonla");
        assertThat(reports.trainers("", 0, 50)).extracting(ReportService.Trainer::id).containsExactly(van, lo);
        assertThat(reports.trainers("", 0, 50)).extracting(ReportService.Trainer::label)
                .containsExactly("Đặng Thị Vân (Hà Tĩnh)", "Lò Văn Lả (Sơn La)");
        // typed without diacritics or capitals, a page at a time
        assertThat(reports.trainers("dang thi", 0, 50)).extracting(ReportService.Trainer::id).containsExactly(van);
        assertThat(reports.trainers("", 1, 1)).extracting(ReportService.Trainer::id).containsExactly(lo);
        assertThat(reports.trainers("hai", 0, 50)).isEmpty();

        ReportSummary mine = reports.summary(ReportFilter.all(), EnumSet.of(Breakdown.TRAINER));
        assertThat(mine.rows(Breakdown.TRAINER)).extracting(ReportRow::key).containsExactlyInAnyOrder(String.valueOf(lo), String.valueOf(van));
        assertThat(mine.rows(Breakdown.TRAINER)).allSatisfy(r -> {
            assertThat(r.figures().classes()).isEqualTo(1);
            assertThat(r.figures().participations()).isEqualTo(1);
            assertThat(r.figures().budgetVnd()).isEqualTo(10);
        });
        // a Hà Tĩnh trainer's id typed into the filter gives nothing of Hà Tĩnh
        assertThat(reports.summary(ReportFilter.all().withTrainer(ha), List.of()).total().participations()).isZero();
        assertThat(reports.summary(ReportFilter.all().withTrainer(van), List.of()).total().classes()).isEqualTo(1);
    }

    @Test
    void topicAndTargetGroupMatchWhatWasTypedWithoutCaseOrDiacriticsAndProgrammesComeFromTheScope() {
        TestData.signInAsAdmin();
        var an = ReportingWorld.person("Trần Thị An", "0913100001", TraineeLevel.COMMUNE_OFFICIAL);
        world.hold(ReportingWorld.form("HT-2024-CDS", world.camXuyen, LocalDate.of(2024, 3, 4), DeliveryMode.ONLINE,
                OrganisingLevel.COMMUNE, 0, "Chuyển đổi số trong xây dựng nông thôn mới; OCOP", List.of()), List.of(an), 4);
        world.hold(ReportingWorld.form("HT-2024-DL", world.kyAnh, LocalDate.of(2024, 3, 4), DeliveryMode.IN_PERSON,
                OrganisingLevel.COMMUNE, 0, "Du lịch cộng đồng 100_năm", List.of()), List.of(an), 4);
        world.settle();

        TestData.signInAsAccount(jdbc, "dp.hatinh");
        for (String typed : List.of("chuyen doi so", "ĐỔI SỐ", "  Chuyển đổi số ", "nong thon moi")) {
            assertThat(reports.summary(topic(typed), List.of()).total().classes()).as(typed).isEqualTo(1);
        }
        assertThat(reports.summary(topic("du lich cong dong"), List.of()).total().classes()).isEqualTo(1);
        assertThat(reports.summary(topic("chuyen doi so du lich"), List.of()).total().classes()).isZero();
        // LIKE's wildcards typed by someone are taken as they are
        assertThat(reports.summary(topic("100_năm"), List.of()).total().classes()).isEqualTo(1);
        assertThat(reports.summary(topic("100%"), List.of()).total().classes()).isZero();
        assertThat(reports.summary(topic("%"), List.of()).total().classes()).isZero();
        ReportFilter target = new ReportFilter(null, null, null, null, null, null, null, false, null, null, "can bo XA", null, null, null, null);
        assertThat(reports.summary(target, List.of()).total().classes()).isEqualTo(2);

        assertThat(reports.recordedProgrammes()).containsExactly("NTM 2021-2025");
        TestData.signInAsAccount(jdbc, "dp.sonla");
        assertThat(reports.recordedProgrammes()).isEmpty();
    }

    private static ReportFilter topic(String typed) {
        return new ReportFilter(null, null, null, null, null, null, null, false, null, null, null, null, typed, null, null);
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

    @Test
    void trainerSeesTheFiguresOfTheClassesTheyTeachWhereverTheyAreAndNoOthers() {
        TestData.signInAsAdmin();
        long hoa = world.trainer("gv.hoa.tinh", "Nguyễn Văn Hòa", world.haTinh);
        long lan = world.trainer("gv.lan.sonla", "Lò Thị Lan", world.sonLa);
        var an = ReportingWorld.person("Trần Thị An", "0912800001", TraineeLevel.COMMUNE_OFFICIAL);
        var binh = ReportingWorld.person("Lê Văn Bình", "0912800002", TraineeLevel.RESIDENT);
        String topics = "Bộ tiêu chí quốc gia";
        // Hòa teaches one class in Hà Tĩnh and one in Sơn La; Lan one in Sơn La; one Hà Tĩnh class has no trainer
        world.hold(ReportingWorld.form("HT-2024-H1", world.camXuyen, LocalDate.of(2024, 3, 4), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE,
                10, topics, List.of(hoa)), List.of(an, binh), 4, 2);
        world.hold(ReportingWorld.form("SL-2024-H2", world.muongChien, LocalDate.of(2024, 6, 3), DeliveryMode.ONLINE, OrganisingLevel.COMMUNE,
                20, topics, List.of(hoa, lan)), List.of(an), 1);
        world.hold(ReportingWorld.form("SL-2024-L1", world.muongChien, LocalDate.of(2024, 9, 2), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE,
                40, topics, List.of(lan)), List.of(binh), 2);
        world.hold(ReportingWorld.form("HT-2024-N1", world.kyAnh, LocalDate.of(2024, 10, 7), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE,
                80, topics, List.of()), List.of(binh), 3);
        world.settle();

        TestData.signInAsAccount(jdbc, "gv.hoa.tinh");
        assertThat(reports.ownClassesOnly()).isTrue();
        ReportSummary mine = reports.summary(ReportFilter.all().withYear(2024), EnumSet.of(Breakdown.UNIT, Breakdown.MODE, Breakdown.TRAINER));
        assertThat(mine.total().classes()).isEqualTo(2);
        assertThat(mine.total().budgetVnd()).isEqualTo(30);
        assertThat(mine.total().participations()).isEqualTo(3);
        assertThat(mine.total().uniqueParticipants()).isEqualTo(2);
        assertThat(mine.filter().trainerId()).isEqualTo(hoa);
        assertThat(mine.rows(Breakdown.UNIT)).extracting(ReportRow::unitId).containsExactlyInAnyOrder(world.haTinh.id(), world.sonLa.id());
        // split by trainer: theirs, and a co-trainer with the shared class only (Lan's own class stays out)
        assertThat(mine.rows(Breakdown.TRAINER)).extracting(ReportRow::key).containsExactly(String.valueOf(hoa), String.valueOf(lan));
        assertThat(mine.rows(Breakdown.TRAINER)).extracting(r -> r.figures().classes()).containsExactly(2L, 1L);
        // drilling into a province keeps to their classes there
        assertThat(reports.summary(ReportFilter.all().withYear(2024).withUnit(world.sonLa.id()), List.of()).total().classes()).isEqualTo(1);
        assertThat(reports.trainers("", 0, 50)).extracting(ReportService.Trainer::id).containsExactly(hoa);
        assertThatThrownBy(() -> reports.summary(ReportFilter.all().withTrainer(lan), List.of()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void topicCoverageListsTheTopicsTaughtWithParticipationsAndThoseNotTaughtWithinTheCoordinatorsScope() {
        TestData.signInAsAdmin();
        jdbc.update("insert into curriculum_programme (code, title, status) values ('CDS-12', 'Chuyển đổi số trong xây dựng NTM', 'PUBLISHED')");
        long programme = jdbc.queryForObject("select id from curriculum_programme where code = 'CDS-12'", Long.class);
        jdbc.update("insert into curriculum_topic_group (programme_id, number, title, position) values (?, 'I', 'Nhận thức', 1)", programme);
        long group = jdbc.queryForObject("select id from curriculum_topic_group where programme_id = ?", Long.class, programme);
        String[] titles = {"Tổng quan về chuyển đổi số", "Thương mại điện tử cho sản phẩm OCOP", "An toàn thông tin cho người dân"};
        for (int i = 0; i < titles.length; i++) {
            jdbc.update("insert into curriculum_topic (group_id, programme_id, number, title, search_text) values (?, ?, ?, ?, ?)",
                    group, programme, i + 1, titles[i], titles[i]);
        }
        var an = ReportingWorld.person("Trần Thị An", "0912700001", TraineeLevel.COMMUNE_OFFICIAL);
        var binh = ReportingWorld.person("Lê Văn Bình", "0912700002", TraineeLevel.RESIDENT);
        // typed without diacritics and in capitals: still topic 1; topic 2 only in Sơn La; topic 3 nowhere
        world.hold(ReportingWorld.form("HT-2024-C1", world.camXuyen, LocalDate.of(2024, 3, 4), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE,
                0, "TONG QUAN VE CHUYEN DOI SO", List.of()), List.of(an, binh), 2, 1);
        world.hold(ReportingWorld.form("SL-2024-C2", world.muongChien, LocalDate.of(2024, 4, 1), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE,
                0, "Thương mại điện tử cho sản phẩm OCOP", List.of()), List.of(an), 1);
        world.settle();

        TestData.signInAsAccount(jdbc, "dp.hatinh");
        TopicCoverage coverage = reports.topicCoverage(ReportFilter.ofPhase(Phase.P2021_2025), programme);
        assertThat(coverage.taught()).extracting(TopicCoverage.Topic::number, TopicCoverage.Topic::classes, TopicCoverage.Topic::participations)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1L, 2L));
        assertThat(coverage.notTaught()).extracting(TopicCoverage.Topic::number).containsExactly(2, 3);

        TestData.signInAsAdmin();
        assertThat(reports.topicCoverage(ReportFilter.ofPhase(Phase.P2021_2025), programme).notTaught())
                .extracting(TopicCoverage.Topic::number).containsExactly(3);
    }

    // one programme typed in several ways is one row of the report, whichever way the figures are computed

    @Test
    void aProgrammeTypedInAnotherCaseOrWithoutDiacriticsCountsInTheRowOfTheSpellingOnRecord() {
        TestData.signInAsAdmin();
        ClassSummary first = createClass(world.camXuyen, "HT-CDS-1", "Chuyển đổi số trong xây dựng NTM");
        ClassSummary second = createClass(world.kyAnh, "HT-CDS-2", "chuyen doi so trong xay dung ntm");
        ClassSummary third = createClass(world.kyAnh, "HT-CDS-3", "CHUYỂN ĐỔI SỐ TRONG XÂY DỰNG NTM");
        ClassSummary other = createClass(world.kyAnh, "HT-OCOP-1", "Chương trình OCOP");

        assertThat(List.of(second.programme(), third.programme())).containsOnly(first.programme());
        assertThat(other.programme()).isEqualTo("Chương trình OCOP");

        ReportFilter phase = ReportFilter.ofPhase(Phase.P2021_2025).withUnit(world.haTinh.id());
        assertThat(ReportingWorld.within(Duration.ofSeconds(5), () -> reports.summary(phase, List.of()).total().classes() == 4)).isTrue();
        // from the pre-aggregated cells (phase + unit) and from the class rows (a custom range): the same single row
        for (ReportFilter filter : List.of(phase, phaseAsRange(world.haTinh))) {
            List<ReportRow> rows = reports.summary(filter, List.of(Breakdown.PROGRAMME)).rows(Breakdown.PROGRAMME);
            assertThat(rows).extracting(ReportRow::label)
                    .containsExactlyInAnyOrder("Chuyển đổi số trong xây dựng NTM", "Chương trình OCOP");
            assertThat(rows).filteredOn(r -> r.label().startsWith("Chuyển")).singleElement()
                    .satisfies(r -> assertThat(r.figures().classes()).isEqualTo(3));
        }
    }

    @Test
    void theOnlyClassOfAProgrammeMayCorrectItsOwnSpelling() {
        TestData.signInAsAdmin();
        ClassSummary created = createClass(world.camXuyen, "HT-TYPO-1", "chuong trinh khuyen nong");
        ClassSummary corrected = classes.update(created.id(), created.version(), programmeForm(world.camXuyen, "HT-TYPO-1", "Chương trình khuyến nông"));
        assertThat(corrected.programme()).isEqualTo("Chương trình khuyến nông");
    }

    private static ReportFilter phaseAsRange(UnitSummary unit) {
        return new ReportFilter(null, null, null, null, LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31), unit.id(), false, null,
                null, null, null, null, null, null);
    }

    private ClassSummary createClass(UnitSummary unit, String code, String programme) {
        return classes.create(programmeForm(unit, code, programme));
    }

    private static ClassForm programmeForm(UnitSummary unit, String code, String programme) {
        LocalDate start = LocalDate.of(2024, 3, 4);
        return new ClassForm(code, "Lớp " + code, programme, null, unit.id(), null, OrganisingLevel.COMMUNE, null, DeliveryMode.IN_PERSON,
                null, null, start, start, null, 1_000_000L, ClassStatus.FINISHED, 80, List.of());
    }
}
