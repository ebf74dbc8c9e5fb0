package vn.ntm.portal.reporting;

import org.junit.jupiter.api.AfterEach;
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

import java.sql.Date;
import java.time.LocalDate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.text.Normalizer;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random classes, rosters and attendance, made through the training services (so the summaries follow the events),
 * then every fast figure is checked against plain SQL over the base tables, and the additive counters of each
 * breakdown against the total; classes get trainers, and the rows by trainer and the trainer filter are checked
 * against plain SQL over class_trainer too. The generator also makes households (persons with their own national IDs
 * sharing one phone), officials whose level changes from one roster to the next, names and programmes typed
 * decomposed (NFD), classes under a dissolved province, its district and the district's communes, classes still
 * planned (the clock is fixed) and cancelled ones; the totals are counted again in plain Java from what the generator
 * did (its own persons, its own map of units to today's units, held = first day come and not cancelled), and every
 * figure of many filters and breakdowns is snapshotted, the summaries rebuilt and compared, before and after the
 * clock moves past the planned classes. The seed is printed; {@code -Dreporting.seed=N} replays one.
 */
@SpringBootTest
@Import(SettableClock.Config.class)
class ReportFiguresPropertyTest {

    /** "Today" of the generated world: classes after it are planned. */
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    /** Where each unit's records are reported today, as the merger says (not as the portal computes it). */
    static final Map<String, String> REPORTED = Map.ofEntries(Map.entry("14", "14"), Map.entry("03688", "03688"), Map.entry("42", "42"),
            Map.entry("18673", "18673"), Map.entry("18775", "18775"), Map.entry("H18676", "18673"), Map.entry("H443", "42"),
            Map.entry("08", "08"), Map.entry("02716", "02716"), Map.entry("H02", "08"), Map.entry("H024", "08"),
            Map.entry("H00700", "02716"), Map.entry("H00701", "08"));
    /** The province of each unit in force. */
    static final Map<String, String> PROVINCE = Map.of("14", "14", "03688", "14", "42", "42", "18673", "42", "18775", "42",
            "08", "08", "02716", "08");

    @Autowired
    SettableClock clock;

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

    @AfterEach
    void signOut() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    /** What the generator did, to count by hand. */
    record GenClass(long id, String unitCode, LocalDate start, boolean cancelled, long budget, DeliveryMode mode, int sessions, int share,
                    Set<Integer> roster, Map<Integer, Set<Long>> attended, Map<Integer, TraineeLevel> levelOnRoster, String programme) {

        /** The level a person took part with: the one the roster wrote, else (no place any more) their record's. */
        TraineeLevel levelOf(int person, Map<Integer, TraineeLevel> onRecord) {
            return levelOnRoster.getOrDefault(person, onRecord.get(person));
        }

        boolean heldBy(LocalDate today) {
            return !cancelled && !start.isAfter(today);
        }
    }

    /** The totals an office counts by hand from the generated records (no online learning here). */
    static Figures handCount(List<GenClass> all, LocalDate today, @org.jspecify.annotations.Nullable UnitSummary scope, ReportFilter f,
                             @org.jspecify.annotations.Nullable TraineeLevel level, Map<Integer, TraineeLevel> levels) {
        long classesHeld = 0, budget = 0, enrolments = 0, sessionAttendances = 0, participations = 0, completions = 0;
        Set<Integer> persons = new HashSet<>();
        for (GenClass c : all) {
            String reported = REPORTED.get(c.unitCode());
            boolean inScope = scope == null || scope.code().equals(reported) || scope.code().equals(PROVINCE.get(reported));
            boolean inPeriod = (f.periodStart() == null || !c.start().isBefore(f.periodStart()))
                    && (f.periodEnd() == null || !c.start().isAfter(f.periodEnd()));
            if (!c.heldBy(today) || !inScope || !inPeriod) {
                continue;
            }
            boolean tookPart = false;
            for (int p : c.roster()) {
                if (level == null || c.levelOf(p, levels) == level) {
                    enrolments++;
                }
            }
            for (var e : c.attended().entrySet()) {
                int n = e.getValue().size();
                if (n == 0 || (level != null && c.levelOf(e.getKey(), levels) != level)) {
                    continue;
                }
                tookPart = true;
                sessionAttendances += n;
                participations++;
                persons.add(e.getKey());
                if (c.sessions() > 0 && n * 100 >= c.share() * c.sessions()) {
                    completions++;
                }
            }
            if (level == null || tookPart) {
                classesHeld++;
                budget += c.budget();
            }
        }
        return new Figures(classesHeld, enrolments, sessionAttendances, participations, persons.size(), completions, 0L, 0L, budget);
    }

    @Test
    void everyFastFigureEqualsPlainSqlOverTheBaseTablesForRandomClassesRostersAndAttendance() {
        long seed = Long.getLong("reporting.seed", System.nanoTime());
        System.out.println("ReportFiguresPropertyTest seed " + seed);
        Random random = new Random(seed);
        ReportingWorld world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        TestData.signInAsAdmin();
        clock.setToday(TODAY);
        List<UnitSummary> places = List.of(world.sonLa, world.muongChien, world.haTinh, world.camXuyen, world.kyAnh, world.oldTownship,
                units.findByCode("H443").orElseThrow(), world.tuyenQuang, world.viXuyen, world.haGiang, world.haGiangDistrict,
                world.haGiangTownship, world.haGiangCommune);
        List<PersonDetails> people = new ArrayList<>();
        List<TraineeLevel> levels = new ArrayList<>();
        // the level a person's record keeps: the first one ever written (later rosters do not overwrite it)
        Map<Integer, TraineeLevel> onRecord = new HashMap<>();
        for (int i = 0; i < 14; i++) {
            // households: every third person shares the phone of the one before, each with their own national ID
            String phone = String.format("09130%05d", i % 3 == 2 ? i - 1 : i);
            TraineeLevel level = TraineeLevel.values()[random.nextInt(5)];
            levels.add(level);
            people.add(new PersonDetails("Người " + i, null, 1980, phone, String.format("0140800%05d", i), null, "Cán bộ", level, null));
        }
        // trainers of both provinces; a class gets none, one or two of them (two: it counts in both rows by trainer)
        List<Long> trainers = List.of(world.trainer("gv.p1", "Giảng viên Một", world.sonLa), world.trainer("gv.p2", "Giảng viên Hai", world.sonLa),
                world.trainer("gv.p3", "Giảng viên Ba", world.haTinh));
        List<GenClass> generated = new ArrayList<>();
        int classCount = 8 + random.nextInt(5);
        for (int c = 0; c < classCount; c++) {
            LocalDate start = LocalDate.of(2019 + random.nextInt(9), 1 + random.nextInt(12), 1 + random.nextInt(27));
            UnitSummary unit = places.get(random.nextInt(places.size()));
            ClassStatus status = random.nextInt(8) == 0 ? ClassStatus.CANCELLED
                    : start.isAfter(TODAY) ? ClassStatus.PLANNED : random.nextInt(4) == 0 ? ClassStatus.OPEN : ClassStatus.FINISHED;
            // one programme, written composed or decomposed (as some keyboards and spreadsheets do): one row in reports
            String programme = "Chương trình " + random.nextInt(2);
            ClassForm form = new ClassForm("P-" + seed % 10000 + "-" + c, "Lớp " + c,
                    random.nextBoolean() ? programme : Normalizer.normalize(programme, Normalizer.Form.NFD), null, unit.id(),
                    null, OrganisingLevel.values()[random.nextInt(4)], null, DeliveryMode.values()[random.nextInt(3)], null, null, start,
                    start.plusDays(1), null, (long) random.nextInt(5) * 1_000_000, status, 50 + random.nextInt(51),
                    trainers.stream().filter(t -> random.nextInt(3) == 0).toList());
            var created = classes.create(form);
            List<SessionSummary> slots = sessions.createBulk(created.id(), start, start.plusDays(random.nextInt(2)),
                    EnumSet.of(SessionPart.MORNING, SessionPart.AFTERNOON));
            Map<Integer, Long> onRoster = new LinkedHashMap<>();
            Map<Integer, TraineeLevel> levelOnRoster = new HashMap<>();
            for (int i = 0; i < people.size(); i++) {
                if (random.nextInt(3) == 0) {
                    // officials change level over the years: a roster may write another level than the person's first,
                    // and the name may come decomposed; the national ID keeps it one person
                    TraineeLevel then = random.nextInt(4) == 0 ? TraineeLevel.values()[random.nextInt(5)] : levels.get(i);
                    PersonDetails p = people.get(i);
                    String name = random.nextInt(3) == 0 ? Normalizer.normalize(p.fullName(), Normalizer.Form.NFD) : p.fullName();
                    onRoster.put(i, roster.add(created.id(), new PersonDetails(name, p.gender(), p.birthYear(), p.phone(), p.nationalId(),
                            p.communeId(), p.position(), then, p.organisation())));
                    levelOnRoster.put(i, then);
                    onRecord.putIfAbsent(i, then);
                }
            }
            Map<Integer, Set<Long>> attended = new HashMap<>();
            if (!start.isAfter(TODAY)) {
                // marks are taken once a class is under way; the last mark of a session is the one that counts
                for (var person : onRoster.entrySet()) {
                    for (SessionSummary sl : slots) {
                        int r = random.nextInt(6);
                        if (r < 4) {
                            attendance.mark(sl.id(), person.getValue(), AttendanceStatus.values()[r], null, null);
                            Set<Long> seen = attended.computeIfAbsent(person.getKey(), k -> new HashSet<>());
                            if (AttendanceStatus.values()[r] == AttendanceStatus.PRESENT || AttendanceStatus.values()[r] == AttendanceStatus.LATE) {
                                seen.add(sl.id());
                            } else {
                                seen.remove(sl.id());
                            }
                        }
                    }
                }
            }
            Set<Integer> finalRoster = new HashSet<>(onRoster.keySet());
            if (!onRoster.isEmpty() && random.nextInt(4) == 0) {
                var first = onRoster.entrySet().iterator().next();
                roster.remove(created.id(), first.getValue());
                finalRoster.remove(first.getKey());
                levelOnRoster.remove(first.getKey());
            }
            if (random.nextInt(3) == 0) {
                // trainers changed after the marks: the figures move from the old trainers' rows to the new ones'
                List<Long> others = trainers.stream().filter(t -> random.nextInt(2) == 0).toList();
                classes.update(created.id(), classes.get(created.id()).version(), new ClassForm(form.code(), form.title(),
                        form.programme(), null, form.unitId(), null, form.organisingLevel(), null, form.mode(), null, null,
                        form.startDate(), form.endDate(), null, form.budgetVnd(), form.status(), form.completionShare(), others));
            }
            generated.add(new GenClass(created.id(), unit.code(), start, status == ClassStatus.CANCELLED, form.budgetVnd(), form.mode(),
                    slots.size(), form.completionShare(), finalRoster, attended, levelOnRoster, programme));
        }
        world.settle();

        List<UnitSummary> scopes = new ArrayList<>();
        scopes.add(null);
        scopes.addAll(List.of(world.sonLa, world.muongChien, world.haTinh, world.camXuyen, world.kyAnh, world.tuyenQuang, world.viXuyen));
        List<ReportFilter> periods = new ArrayList<>(List.of(ReportFilter.all()));
        for (Phase p : Phase.values()) {
            periods.add(ReportFilter.ofPhase(p));
        }
        for (int y = 2019; y <= 2027; y++) {
            periods.add(ReportFilter.all().withYear(y));
        }
        for (UnitSummary scope : scopes) {
            for (ReportFilter period : periods) {
                ReportFilter filter = period.withUnit(scope == null ? null : scope.id());
                ReportSummary s = reports.summary(filter, EnumSet.allOf(Breakdown.class));
                String what = "seed " + seed + ", " + (scope == null ? "country" : scope.name()) + ", " + filter.periodStart() + ".." + filter.periodEnd();
                assertThat(s.total()).as(what).isEqualTo(reference(filter, scope, "", ""));
                assertThat(s.total()).as(what + " by hand").isEqualTo(handCount(generated, TODAY, scope, filter, null, onRecord));
                // a class of a level: someone of that level attended a session
                assertThat(reports.summary(filter.withTraineeLevel(TraineeLevel.COMMUNE_OFFICIAL), List.of()).total())
                        .as(what + " commune officials by hand")
                        .isEqualTo(handCount(generated, TODAY, scope, filter, TraineeLevel.COMMUNE_OFFICIAL, onRecord));
                assertThat(reports.summary(filter.withMode(DeliveryMode.ONLINE), List.of()).total()).as(what + " online classes")
                        .isEqualTo(reference(filter, scope, " and c.delivery_mode = 'ONLINE'", "").withOnline(null, null));
                assertThat(reports.summary(filter.withTraineeLevel(TraineeLevel.RESIDENT), List.of()).total().uniqueParticipants())
                        .as(what + " residents").isEqualTo(reference(filter, scope, "", levelIs("RESIDENT"))
                                .uniqueParticipants());
                for (long trainer : trainers) {
                    assertThat(reports.summary(filter.withTrainer(trainer), List.of()).total()).as(what + " trainer " + trainer)
                            .isEqualTo(reference(filter, scope, taughtBy(trainer), "").withOnline(null, null));
                }
                checkByTrainer(s, filter, scope, what);
                for (Breakdown b : Breakdown.values()) {
                    List<ReportRow> rows = s.rows(b);
                    if (!b.rowsAddUp()) {
                        continue;   // checked row by row above
                    }
                    if (b == Breakdown.UNIT && scope != null && scope.level() != vn.ntm.portal.unit.UnitLevel.PROVINCE) {
                        continue;
                    }
                    assertThat(rows.stream().mapToLong(r -> r.figures().participations()).sum()).as(what + " " + b).isEqualTo(s.total().participations());
                    assertThat(rows.stream().mapToLong(r -> r.figures().sessionAttendances()).sum()).as(what + " " + b)
                            .isEqualTo(s.total().sessionAttendances());
                    assertThat(rows.stream().mapToLong(r -> r.figures().enrolments()).sum()).as(what + " " + b).isEqualTo(s.total().enrolments());
                    assertThat(rows.stream().mapToLong(r -> r.figures().completions()).sum()).as(what + " " + b).isEqualTo(s.total().completions());
                    assertThat(rows.stream().mapToLong(r -> r.figures().uniqueParticipants()).sum()).as(what + " " + b)
                            .isGreaterThanOrEqualTo(s.total().uniqueParticipants());
                    if (b != Breakdown.TRAINEE_LEVEL) {
                        assertThat(rows.stream().mapToLong(r -> r.figures().classes()).sum()).as(what + " " + b).isEqualTo(s.total().classes());
                        assertThat(rows.stream().mapToLong(r -> r.figures().budgetVnd()).sum()).as(what + " " + b).isEqualTo(s.total().budgetVnd());
                    }
                    if (b == Breakdown.MODE || b == Breakdown.TRAINEE_LEVEL || b == Breakdown.YEAR) {
                        for (ReportRow row : rows) {
                            String condition = switch (b) {
                                case MODE -> " and c.delivery_mode = '" + row.key() + "'";
                                case YEAR -> " and year(c.start_date) = " + Integer.parseInt(row.key());
                                default -> "";
                            };
                            String personCondition = b == Breakdown.TRAINEE_LEVEL ? levelIs(row.key()) : "";
                            Figures expected = reference(filter, scope, condition, personCondition);
                            assertThat(row.figures().uniqueParticipants()).as(what + " " + b + " " + row.key()).isEqualTo(expected.uniqueParticipants());
                            assertThat(row.figures().participations()).as(what + " " + b + " " + row.key()).isEqualTo(expected.participations());
                        }
                    }
                }
            }
        }
        // each programme is one row, however its name was typed
        Set<String> heldProgrammes = new HashSet<>();
        generated.stream().filter(g -> g.heldBy(TODAY)).forEach(g -> heldProgrammes.add(g.programme()));
        assertThat(reports.summary(ReportFilter.all(), EnumSet.of(Breakdown.PROGRAMME)).rows(Breakdown.PROGRAMME).stream().map(ReportRow::key)
                .collect(java.util.stream.Collectors.toSet())).as("seed " + seed + ", programmes").isEqualTo(heldProgrammes);
        // and a rebuild from the base tables gives exactly what the events gave, every figure of every filter below
        List<UnitSummary> snapshotUnits = new ArrayList<>(scopes);
        snapshotUnits.addAll(List.of(world.haGiang, world.haGiangDistrict, world.oldTownship));
        Map<String, ReportSummary> incremental = snapshot(snapshotUnits, trainers.getFirst());
        reports.rebuild();
        compare(incremental, snapshot(snapshotUnits, trainers.getFirst()), "seed " + seed + ", rebuilt");

        // the clock moves past every planned class: each enters the held figures by itself, as a rebuild would count it
        LocalDate later = LocalDate.of(2028, 1, 1);
        today = later;
        clock.setToday(later);
        Figures expected = handCount(generated, later, null, ReportFilter.all(), null, onRecord);
        assertThat(ReportingWorld.within(Duration.ofSeconds(30), () -> reports.summary(ReportFilter.all(), List.of()).total().equals(expected)))
                .as("seed " + seed + ", planned classes began").isTrue();
        world.settle();
        for (UnitSummary scope : scopes) {
            ReportFilter filter = ReportFilter.all().withUnit(scope == null ? null : scope.id());
            assertThat(reports.summary(filter, List.of()).total()).as("seed " + seed + " later, by hand " + scope)
                    .isEqualTo(handCount(generated, later, scope, filter, null, onRecord));
        }
        Map<String, ReportSummary> crossed = snapshot(snapshotUnits, trainers.getFirst());
        reports.rebuild();
        compare(crossed, snapshot(snapshotUnits, trainers.getFirst()), "seed " + seed + ", later, rebuilt");
    }

    /** Every figure and row of many filters: units (dissolved ones too), periods, a mode, a level, a trainer, as recorded. */
    private Map<String, ReportSummary> snapshot(List<UnitSummary> scopeUnits, long trainer) {
        Map<String, ReportSummary> all = new LinkedHashMap<>();
        List<ReportFilter> periods = List.of(ReportFilter.all(), ReportFilter.ofPhase(Phase.P2021_2025), ReportFilter.all().withYear(2024),
                ReportFilter.all().withYear(2026), new ReportFilter(null, 2025, null, 7, null, null, null, false, null, null, null, null, null,
                        null, null));
        for (UnitSummary scope : scopeUnits) {
            for (ReportFilter period : periods) {
                ReportFilter f = period.withUnit(scope == null ? null : scope.id());
                ReportFilter recorded = new ReportFilter(f.phase(), f.year(), f.quarter(), f.month(), f.from(), f.to(), f.unitId(), true,
                        null, null, null, null, null, null, null);
                List<ReportFilter> variants = List.of(f, f.withMode(DeliveryMode.ONLINE), f.withTraineeLevel(TraineeLevel.RESIDENT),
                        f.withTrainer(trainer), recorded);
                for (int v = 0; v < variants.size(); v++) {
                    all.put((scope == null ? "country" : scope.code()) + " " + f.periodStart() + ".." + f.periodEnd() + " #" + v,
                            reports.summary(variants.get(v), EnumSet.allOf(Breakdown.class)));
                }
            }
        }
        return all;
    }

    private static void compare(Map<String, ReportSummary> expected, Map<String, ReportSummary> actual, String what) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((k, e) -> assertThat(actual.get(k)).as(what + ": " + k).isEqualTo(e));
    }

    /**
     * Each row by trainer equals plain SQL over the classes that trainer teaches (or that have no trainer), there is a
     * row for each trainer of a class of the filter and no other, and the rows overlap: they add up to at least the total.
     */
    private void checkByTrainer(ReportSummary s, ReportFilter filter, UnitSummary scope, String what) {
        List<ReportRow> rows = s.rows(Breakdown.TRAINER);
        for (ReportRow row : rows) {
            String condition = ReportRow.NO_TRAINER.equals(row.key())
                    ? " and not exists (select 1 from class_trainer ct where ct.class_id = c.id)" : taughtBy(Long.parseLong(row.key()));
            assertThat(row.figures()).as(what + " by trainer " + row.key()).isEqualTo(reference(filter, scope, condition, "").withOnline(null, null));
        }
        List<Object> args = new ArrayList<>();
        String where = where(filter, scope, "", args);
        List<String> keys = jdbc.queryForList("select distinct cast(coalesce(ct.account_id, 0) as char) from training_class c"
                + " left join class_trainer ct on ct.class_id = c.id where" + where, String.class, args.toArray());
        assertThat(rows).extracting(ReportRow::key).as(what + " trainers").containsExactlyInAnyOrderElementsOf(keys);
        Figures all = reference(filter, scope, "", "");
        assertThat(rows.stream().mapToLong(r -> r.figures().classes()).sum()).as(what + " by trainer").isGreaterThanOrEqualTo(all.classes());
        assertThat(rows.stream().mapToLong(r -> r.figures().participations()).sum()).as(what + " by trainer")
                .isGreaterThanOrEqualTo(all.participations());
    }

    private static String taughtBy(long trainer) {
        return " and exists (select 1 from class_trainer ct where ct.class_id = c.id and ct.account_id = " + trainer + ")";
    }

    /** The classes of the filter (c = training_class): not cancelled, first day in the period, reported within the scope. */
    /** "Today" for the plain-SQL reference: classes after it are planned, not counted. */
    private LocalDate today = TODAY;

    private String where(ReportFilter f, UnitSummary scope, String classCondition, List<Object> args) {
        StringBuilder reported = new StringBuilder("case u.code");
        REPORTED.forEach((from, to) -> reported.append(" when '").append(from).append("' then '").append(to).append("'"));
        reported.append(" else u.code end");
        String path = "(select r.path from administrative_unit u join administrative_unit r on r.code = (" + reported
                + ") where u.id = c.unit_id)";
        StringBuilder where = new StringBuilder(" c.status <> 'CANCELLED' and c.start_date <= '" + today + "'" + classCondition);
        if (f.periodStart() != null) {
            where.append(" and c.start_date >= ?");
            args.add(Date.valueOf(f.periodStart()));
        }
        if (f.periodEnd() != null) {
            where.append(" and c.start_date <= ?");
            args.add(Date.valueOf(f.periodEnd()));
        }
        if (scope != null) {
            where.append(" and ").append(path).append(" like ?");
            args.add(scope.path() + "%");
        }
        return where.toString();
    }

    /**
     * The figures by plain SQL over training_class, class_session, roster_entry, attendance and person: a class is
     * reported under its unit, or the successor of a dissolved unit, or the province of a dissolved district.
     */
    /** Plain SQL: the level of a person in a class is the one its roster wrote, else the person's record's. */
    private static String levelIs(String level) {
        return " and coalesce((select r2.trainee_level from roster_entry r2 join person p2 on p2.id = r2.person_id"
                + " where r2.class_id = c.id and coalesce(p2.merged_into, p2.id) = k.id limit 1), k.trainee_level, 'UNKNOWN') = '" + level + "'";
    }

    private Figures reference(ReportFilter f, UnitSummary scope, String classCondition, String personCondition) {
        List<Object> args = new ArrayList<>();
        String where = where(f, scope, classCondition, args);
        Object[] a = args.toArray();
        long classesCount = jdbc.queryForObject("select count(*) from training_class c where" + where, Long.class, a);
        long budget = jdbc.queryForObject("select coalesce(sum(coalesce(c.budget_vnd, 0)), 0) from training_class c where" + where, Long.class, a);
        String attended = """
                from attendance at join class_session s on s.id = at.session_id join training_class c on c.id = s.class_id
                join person p on p.id = at.person_id join person k on k.id = coalesce(p.merged_into, p.id)
                where at.status in ('PRESENT', 'LATE') and""" + where + personCondition;
        long sessionAttendances = jdbc.queryForObject("select count(distinct at.session_id, k.id) " + attended, Long.class, a);
        long participations = jdbc.queryForObject("select count(distinct c.id, k.id) " + attended, Long.class, a);
        long unique = jdbc.queryForObject("select count(distinct k.id) " + attended, Long.class, a);
        long completions = jdbc.queryForObject("""
                select count(*) from (select c.id, k.id as who, count(distinct at.session_id) as n, c.completion_share as share,
                  (select count(*) from class_session x where x.class_id = c.id) as total %s group by c.id, k.id) d
                where d.total > 0 and d.n * 100 >= d.share * d.total""".formatted(attended), Long.class, a);
        long enrolments = jdbc.queryForObject("""
                select count(distinct c.id, k.id) from roster_entry r join training_class c on c.id = r.class_id
                join person p on p.id = r.person_id join person k on k.id = coalesce(p.merged_into, p.id) where""" + where + personCondition,
                Long.class, a);
        boolean classLevel = personCondition.isEmpty();
        return new Figures(classLevel ? classesCount : null, enrolments, sessionAttendances, participations, unique, completions, 0L, 0L,
                classLevel ? budget : null);
    }
}
