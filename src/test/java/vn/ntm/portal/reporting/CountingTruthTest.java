package vn.ntm.portal.reporting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.SettableClock;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.ClassService;
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

/** What an office counts by hand: held classes only, records under today's units, a class of a level = someone of it took part. */
@SpringBootTest
@Import(SettableClock.Config.class)
class CountingTruthTest {

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
    @Autowired
    SettableClock clock;

    ReportingWorld world;

    @BeforeEach
    void setUp() {
        clock.setToday(LocalDate.of(2026, 3, 1));
        world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        world.settle();
        TestData.signInAsAdmin();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    private final java.util.concurrent.atomic.AtomicInteger phones = new java.util.concurrent.atomic.AtomicInteger();

    private List<PersonDetails> persons(String prefix, int n, TraineeLevel level) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> ReportingWorld.person(prefix + " " + i, String.format("0913%06d", phones.incrementAndGet()), level))
                .toList();
    }

    private Figures total(ReportFilter filter) {
        return reports.summary(filter, List.of()).total();
    }

    @Test
    void aPlannedClassIsShownApartAndEntersTheHeldFiguresByItselfOnItsFirstDay() {
        world.hold("SL-HELD", world.sonLa, LocalDate.of(2026, 2, 10), DeliveryMode.IN_PERSON, OrganisingLevel.PROVINCE, 10_000_000,
                persons("Đã học", 2, TraineeLevel.COMMUNE_OFFICIAL), 4, 2);
        world.hold("SL-PLANNED", world.sonLa, LocalDate.of(2026, 4, 10), DeliveryMode.IN_PERSON, OrganisingLevel.PROVINCE, 50_000_000,
                persons("Sẽ học", 3, TraineeLevel.COMMUNE_OFFICIAL), 0, 0, 0);
        world.settle();

        ReportFilter year = ReportFilter.all().withYear(2026);
        ReportSummary before = reports.summary(year, EnumSet.allOf(Breakdown.class));
        assertThat(before.total().classes()).isEqualTo(1);
        assertThat(before.total().enrolments()).isEqualTo(2);
        assertThat(before.total().budgetVnd()).isEqualTo(10_000_000);
        assertThat(before.planned()).isEqualTo(new PlannedClasses(1, 3, 50_000_000));
        assertThat(Bulletin.sentence(before, (k, a) -> k, id -> "")).contains("reports.bulletin.planned");
        // the slow path (a month) agrees
        assertThat(total(new ReportFilter(null, 2026, null, 4, null, null, null, false, null, null, null, null, null, null, null))
                .classes()).isZero();

        clock.setToday(LocalDate.of(2026, 4, 10));
        assertThat(ReportingWorld.within(Duration.ofSeconds(20), () -> total(year).classes() == 2)).as("the class began").isTrue();
        world.settle();
        ReportSummary after = reports.summary(year, EnumSet.allOf(Breakdown.class));
        assertThat(after.total().enrolments()).isEqualTo(5);
        assertThat(after.total().budgetVnd()).isEqualTo(60_000_000);
        assertThat(after.planned()).isEqualTo(PlannedClasses.NONE);

        reports.rebuild();
        assertThat(reports.summary(year, EnumSet.allOf(Breakdown.class))).isEqualTo(after);
    }

    @Test
    void aClassThatBeganAtMidnightInVietnamCountsBeforeTheServersUtcDateChanges() {
        // 00:30 on 10 April in Hà Nội, 17:30 on 9 April by a server's UTC clock
        clock.setInstant(java.time.Instant.parse("2026-04-09T17:30:00Z"));
        world.hold("SL-MIDNIGHT", world.sonLa, LocalDate.of(2026, 4, 10), DeliveryMode.ONLINE, OrganisingLevel.PROVINCE, 0,
                persons("Nửa đêm", 2, TraineeLevel.COMMUNE_OFFICIAL), 1, 2);
        world.settle();

        ReportSummary today = reports.summary(ReportFilter.all().withYear(2026), List.of());
        assertThat(today.total().classes()).as("held since its first day came, in Vietnam").isEqualTo(1);
        assertThat(today.total().participations()).isEqualTo(2);
        assertThat(today.planned()).isEqualTo(PlannedClasses.NONE);
    }

    @Test
    void recordsOfADistrictOfADissolvedProvinceCountUnderItsSuccessorAtEveryLevel() {
        List<PersonDetails> one = persons("Hà Giang", 1, TraineeLevel.COMMUNE_OFFICIAL);
        world.hold("HG-DISTRICT", world.haGiangDistrict, LocalDate.of(2024, 5, 2), DeliveryMode.IN_PERSON, OrganisingLevel.DISTRICT, 0, one, 4);
        world.hold("HG-TOWNSHIP", world.haGiangTownship, LocalDate.of(2024, 6, 2), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 0, one, 4);
        world.hold("HG-COMMUNE", world.haGiangCommune, LocalDate.of(2024, 7, 2), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 0, one, 4);
        world.hold("HG-PROVINCE", world.haGiang, LocalDate.of(2024, 8, 2), DeliveryMode.IN_PERSON, OrganisingLevel.PROVINCE, 0, one, 4);
        world.hold("TQ-TODAY", world.tuyenQuang, LocalDate.of(2025, 9, 2), DeliveryMode.IN_PERSON, OrganisingLevel.PROVINCE, 0, one, 4);
        world.settle();

        ReportSummary tuyenQuang = reports.summary(ReportFilter.all().withUnit(world.tuyenQuang.id()), EnumSet.of(Breakdown.UNIT));
        assertThat(tuyenQuang.total().classes()).isEqualTo(5);
        // the township's successor is today's commune; the district, the commune without successor and the province: own row
        assertThat(tuyenQuang.rows(Breakdown.UNIT)).extracting(ReportRow::key, r -> r.figures().classes())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("0", 4L),
                        org.assertj.core.groups.Tuple.tuple(String.valueOf(world.viXuyen.id()), 1L));
        ReportSummary country = reports.summary(ReportFilter.all(), EnumSet.of(Breakdown.UNIT));
        assertThat(country.rows(Breakdown.UNIT)).extracting(ReportRow::key).doesNotContain(String.valueOf(world.haGiang.id()));

        // the dissolved province chosen: under today's units (its successor's figures, said so) or as recorded
        ReportSummary today = reports.summary(ReportFilter.all().withUnit(world.haGiang.id()), List.of());
        assertThat(today.total().classes()).isEqualTo(5);
        assertThat(today.dissolvedUnitName()).contains("Hà Giang");
        assertThat(today.unitName()).contains("Tuyên Quang");
        assertThat(Bulletin.sentence(today, (k, a) -> k, id -> "")).contains("reports.bulletin.dissolvedUnit");
        ReportFilter asRecorded = new ReportFilter(null, null, null, null, null, null, world.haGiang.id(), true, null, null, null, null,
                null, null, null);
        ReportSummary recorded = reports.summary(asRecorded, List.of());
        assertThat(recorded.total().classes()).isEqualTo(4);
        assertThat(recorded.dissolvedUnitName()).isNull();
        assertThat(Bulletin.sentence(recorded, (k, a) -> k, id -> "")).contains("reports.bulletin.asRecorded");
        ReportFilter districtAsRecorded = new ReportFilter(null, null, null, null, null, null, world.haGiangDistrict.id(), true, null, null,
                null, null, null, null, null);
        assertThat(total(districtAsRecorded).classes()).isEqualTo(3);

        ReportSummary before = reports.summary(ReportFilter.all(), EnumSet.allOf(Breakdown.class));
        reports.rebuild();
        assertThat(reports.summary(ReportFilter.all(), EnumSet.allOf(Breakdown.class))).isEqualTo(before);
    }

    @Test
    void aClassCountsForATraineeLevelOnlyWhenSomeoneOfThatLevelTookPart() {
        List<PersonDetails> people = List.of(ReportingWorld.person("Cán bộ xã", "0913500001", TraineeLevel.COMMUNE_OFFICIAL),
                ReportingWorld.person("Người dân vắng", "0913500002", TraineeLevel.RESIDENT));
        world.hold("SL-LEVEL", world.sonLa, LocalDate.of(2024, 5, 2), DeliveryMode.IN_PERSON, OrganisingLevel.PROVINCE, 0, people, 4, 0);
        world.settle();

        assertThat(total(ReportFilter.all().withTraineeLevel(TraineeLevel.COMMUNE_OFFICIAL)).classes()).isEqualTo(1);
        assertThat(total(ReportFilter.all().withTraineeLevel(TraineeLevel.RESIDENT)).classes()).isZero();
    }
}
