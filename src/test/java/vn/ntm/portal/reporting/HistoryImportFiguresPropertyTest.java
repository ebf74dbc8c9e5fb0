package vn.ntm.portal.reporting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.HistoryImportReport;
import vn.ntm.portal.training.HistoryImportService;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random past-years sheets as offices write them - officials changing level from year to year, modes typed in
 * decomposed Unicode or without diacritics, blended classes, households sharing one phone (different national IDs),
 * levels given by the column or by the position, IDs that lost their leading zero - imported through the real
 * service; then the figures are counted by hand, in plain Java from the generated rows, and compared with
 * {@link ReportService}'s by year, mode, trainee level and province. The seed is printed; {@code -Dhistory.seed=N}
 * replays one.
 */
@SpringBootTest
class HistoryImportFiguresPropertyTest {

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
    HistoryImportService history;
    @Autowired
    ReportService reports;

    /** How offices write each mode: composed, decomposed, without diacritics, in capitals, in English. */
    private static final Map<DeliveryMode, List<String>> MODES = Map.of(
            DeliveryMode.IN_PERSON, List.of("Trực tiếp", "truc tiep", "", "TRỰC TIẾP"),
            DeliveryMode.ONLINE, List.of("Trực tuyến", nfd("Trực tuyến"), "Truc tuyen", "online"),
            DeliveryMode.BLENDED, List.of("Kết hợp", nfd("Kết hợp"), "ket hop"));
    /** The level column as written, or (prefixed by "@") a position that names the level by the documented list. */
    private static final Map<TraineeLevel, List<String>> LEVELS = Map.of(
            TraineeLevel.PROVINCE_OFFICIAL, List.of("Cán bộ cấp tỉnh", "cấp tỉnh", "PROVINCE_OFFICIAL", "@Phó Giám đốc Sở"),
            TraineeLevel.DISTRICT_OFFICIAL, List.of("Cán bộ cấp huyện", "cap huyen", "@Trưởng phòng Nông nghiệp"),
            TraineeLevel.COMMUNE_OFFICIAL, List.of("Cán bộ cấp xã", nfd("xã"), "@Chủ tịch UBND xã", "@Cán bộ dân vận xã"),
            TraineeLevel.VILLAGE_OFFICIAL, List.of("Cán bộ thôn, bản", "thôn", "@Trưởng thôn", "@" + nfd("Trưởng bản")),
            TraineeLevel.RESIDENT, List.of("Người dân", "nguoi dan", "@Nông dân", "@Người dân"));
    /** Unit codes as written (a commune code that lost its leading zero too) and the province each counts under. */
    private static final List<String[]> UNITS = List.of(new String[]{"14", "14"}, new String[]{"3688", "14"}, new String[]{"03688", "14"},
            new String[]{"42", "42"}, new String[]{"18673", "42"}, new String[]{"18775", "42"}, new String[]{"H18676", "42"});

    private record Person(String nationalId, String name, String phone, int birthYear, TraineeLevel[] levelByYear) {
    }

    /** One generated row: what an office would count by hand. */
    private record Row(String classCode, int year, DeliveryMode mode, String province, int sessions, long budget, Person person,
                       TraineeLevel level, int attended) {
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void figuresOfImportedPastYearsEqualAHandCountOfTheSheetByYearModeLevelAndProvince() {
        long seed = Long.getLong("history.seed", System.nanoTime());
        System.out.println("HistoryImportFiguresPropertyTest seed " + seed);
        Random random = new Random(seed);
        ReportingWorld world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        TestData.signInAsAdmin();

        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            // households of two: the second member shares the first's phone, with their own national ID
            String phone = i % 2 == 1 && random.nextBoolean() ? people.get(i - 1).phone() : String.format("0913%06d", i);
            TraineeLevel[] levels = new TraineeLevel[2026 - 2019];
            levels[0] = TraineeLevel.values()[random.nextInt(5)];
            for (int y = 1; y < levels.length; y++) {
                // officials change level over the years: a village official becomes a commune official, a resident an official
                levels[y] = random.nextInt(3) == 0 ? TraineeLevel.values()[random.nextInt(5)] : levels[y - 1];
            }
            people.add(new Person(String.format("0%02d%09d", 14 + i, random.nextInt(1_000_000_000)), "Người thứ " + i, phone,
                    1960 + random.nextInt(40), levels));
        }
        StringBuilder sheet = new StringBuilder(String.join(",", HistoryImportService.headers())).append('\n');
        List<Row> rows = new ArrayList<>();
        int classCount = 5 + random.nextInt(5);
        for (int c = 0; c < classCount; c++) {
            String code = "HI-" + Math.floorMod(seed, 10_000) + "-" + c;
            int year = 2019 + random.nextInt(7);
            LocalDate start = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(27));
            DeliveryMode mode = DeliveryMode.values()[random.nextInt(3)];
            String[] unit = UNITS.get(random.nextInt(UNITS.size()));
            int sessionCount = 1 + random.nextInt(4);
            long budget = random.nextInt(4) * 2_500_000L;
            String dates = List.of("dd/MM/yyyy", "dd-MM-yyyy", "yyyy-MM-dd").get(random.nextInt(3));
            DateTimeFormatter format = DateTimeFormatter.ofPattern(dates);
            for (Person p : people) {
                if (random.nextInt(5) >= 2) {
                    continue;
                }
                TraineeLevel level = p.levelByYear()[year - 2019];
                int attended = random.nextInt(sessionCount + 1);
                rows.add(new Row(code, year, mode, unit[1], sessionCount, budget, p, level, attended));
                List<String> written = LEVELS.get(level);
                String levelText = written.get(random.nextInt(written.size()));
                String position = levelText.startsWith("@") ? levelText.substring(1) : "";
                String levelColumn = levelText.startsWith("@") ? "" : levelText;
                String id = switch (random.nextInt(3)) {
                    case 0 -> p.nationalId().substring(1);    // the spreadsheet took it for a number
                    case 1 -> p.nationalId().replaceAll("(\\d{3})(?=\\d)", "$1.");
                    default -> p.nationalId();
                };
                sheet.append(csv(code, "Lớp " + code, unit[0], start.format(format), start.plusDays(1).format(format),
                        MODES.get(mode).get(random.nextInt(MODES.get(mode).size())), String.valueOf(sessionCount), p.name(), "",
                        String.valueOf(p.birthYear()), p.phone(), id, "", position, levelColumn, "", String.valueOf(attended), "", "", "", "",
                        "", budget == 0 ? "" : String.format("%,d", budget).replace(',', '.'), ""));
            }
        }

        HistoryImportReport report = history.importFile(sheet.toString().getBytes(StandardCharsets.UTF_8));
        String what = "seed " + seed;
        assertThat(report.problems()).as(what).isEmpty();
        world.settle();

        Set<String> heldClasses = rows.stream().map(Row::classCode).collect(Collectors.toSet());
        assertThat(report.classes()).as(what).isEqualTo(heldClasses.size());
        assertThat(report.participants()).as(what).isEqualTo(rows.size());
        assertThat(report.sessionAttendances()).as(what).isEqualTo(rows.stream().mapToInt(Row::attended).sum());
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).as(what + ": one record per national ID")
                .isEqualTo(rows.stream().map(r -> r.person().nationalId()).distinct().count());

        Map<String, UnitSummary> provinces = Map.of("14", world.sonLa, "42", world.haTinh);
        List<String> scopes = Arrays.asList(null, "14", "42");
        for (String province : scopes) {
            for (Integer year : Arrays.asList(null, 2019, 2020, 2021, 2022, 2023, 2024, 2025)) {
                ReportFilter base = (year == null ? ReportFilter.all() : ReportFilter.all().withYear(year))
                        .withUnit(province == null ? null : provinces.get(province).id());
                Predicate<Row> inPeriod = r -> (year == null || r.year() == year) && (province == null || r.province().equals(province));
                String where = what + ", " + (province == null ? "country" : province) + ", " + (year == null ? "all years" : year);
                check(reports.summary(base, List.of()).total(), rows, inPeriod, true, where);
                for (DeliveryMode mode : DeliveryMode.values()) {
                    check(reports.summary(base.withMode(mode), List.of()).total(), rows, inPeriod.and(r -> r.mode() == mode), true,
                            where + ", " + mode);
                }
                for (TraineeLevel level : TraineeLevel.values()) {
                    check(reports.summary(base.withTraineeLevel(level), List.of()).total(), rows, inPeriod.and(r -> r.level() == level), false,
                            where + ", " + level);
                }
                // the split by level and by mode, from the pre-aggregated cells
                ReportSummary split = reports.summary(base, List.of(Breakdown.TRAINEE_LEVEL, Breakdown.MODE));
                for (ReportRow row : split.rows(Breakdown.TRAINEE_LEVEL)) {
                    check(row.figures(), rows, inPeriod.and(r -> r.level().name().equals(row.key())), false, where + ", row " + row.key());
                }
                assertThat(split.rows(Breakdown.TRAINEE_LEVEL).stream().mapToLong(r -> r.figures().enrolments()).sum()).as(where)
                        .isEqualTo(rows.stream().filter(inPeriod).count());
                for (ReportRow row : split.rows(Breakdown.MODE)) {
                    check(row.figures(), rows, inPeriod.and(r -> r.mode().name().equals(row.key())), true, where + ", row " + row.key());
                }
            }
        }
    }

    /** The figures counted by hand from the generated rows that the condition keeps. */
    private static void check(Figures actual, List<Row> rows, Predicate<Row> keep, boolean classLevel, String what) {
        List<Row> kept = rows.stream().filter(keep).toList();
        Set<String> persons = new HashSet<>();
        kept.stream().filter(r -> r.attended() > 0).forEach(r -> persons.add(r.person().nationalId()));
        assertThat(actual.enrolments()).as(what + " enrolments").isEqualTo(kept.size());
        assertThat(actual.sessionAttendances()).as(what + " session attendances").isEqualTo(kept.stream().mapToLong(Row::attended).sum());
        assertThat(actual.participations()).as(what + " participations").isEqualTo(kept.stream().filter(r -> r.attended() > 0).count());
        assertThat(actual.uniqueParticipants()).as(what + " persons").isEqualTo(persons.size());
        assertThat(actual.completions()).as(what + " completions")
                .isEqualTo(kept.stream().filter(r -> r.sessions() > 0 && r.attended() * 100 >= 80 * r.sessions()).count());
        if (classLevel) {
            Map<String, Long> budgets = kept.stream().collect(Collectors.toMap(Row::classCode, Row::budget, (a, b) -> a));
            assertThat(actual.classes()).as(what + " classes").isEqualTo((long) budgets.size());
            assertThat(actual.budgetVnd()).as(what + " budget").isEqualTo(budgets.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    private static String csv(String... cells) {
        return Arrays.stream(cells).map(c -> c.contains(",") ? "\"" + c + "\"" : c).collect(Collectors.joining(",")) + "\n";
    }

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }
}
