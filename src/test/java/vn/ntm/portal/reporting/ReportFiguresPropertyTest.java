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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random classes, rosters and attendance, made through the training services (so the summaries follow the events),
 * then every fast figure is checked against plain SQL over the base tables, and the additive counters of each
 * breakdown against the total; classes get trainers, and the rows by trainer and the trainer filter are checked
 * against plain SQL over class_trainer too. The seed is printed; {@code -Dreporting.seed=N} replays one.
 */
@SpringBootTest
class ReportFiguresPropertyTest {

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
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyFastFigureEqualsPlainSqlOverTheBaseTablesForRandomClassesRostersAndAttendance() {
        long seed = Long.getLong("reporting.seed", System.nanoTime());
        System.out.println("ReportFiguresPropertyTest seed " + seed);
        Random random = new Random(seed);
        ReportingWorld world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        TestData.signInAsAdmin();
        List<UnitSummary> places = List.of(world.sonLa, world.muongChien, world.haTinh, world.camXuyen, world.kyAnh, world.oldTownship,
                units.findByCode("H443").orElseThrow());
        List<PersonDetails> people = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            people.add(ReportingWorld.person("Người " + i, String.format("09130%05d", i), TraineeLevel.values()[random.nextInt(5)]));
        }
        // trainers of both provinces; a class gets none, one or two of them (two: it counts in both rows by trainer)
        List<Long> trainers = List.of(world.trainer("gv.p1", "Giảng viên Một", world.sonLa), world.trainer("gv.p2", "Giảng viên Hai", world.sonLa),
                world.trainer("gv.p3", "Giảng viên Ba", world.haTinh));
        int classCount = 6 + random.nextInt(5);
        for (int c = 0; c < classCount; c++) {
            LocalDate start = LocalDate.of(2019 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(27));
            UnitSummary unit = places.get(random.nextInt(places.size()));
            ClassStatus status = random.nextInt(10) == 0 ? ClassStatus.CANCELLED : ClassStatus.FINISHED;
            ClassForm form = new ClassForm("P-" + seed % 10000 + "-" + c, "Lớp " + c, "CT " + random.nextInt(2), null, unit.id(),
                    null, OrganisingLevel.values()[random.nextInt(4)], null, DeliveryMode.values()[random.nextInt(3)], null, null, start,
                    start.plusDays(1), null, (long) random.nextInt(5) * 1_000_000, status, 50 + random.nextInt(51),
                    trainers.stream().filter(t -> random.nextInt(3) == 0).toList());
            var created = classes.create(form);
            List<SessionSummary> slots = sessions.createBulk(created.id(), start, start.plusDays(random.nextInt(2)),
                    EnumSet.of(SessionPart.MORNING, SessionPart.AFTERNOON));
            List<Long> onRoster = new ArrayList<>();
            for (PersonDetails p : people) {
                if (random.nextInt(3) == 0) {
                    onRoster.add(roster.add(created.id(), p));
                }
            }
            for (long person : onRoster) {
                for (SessionSummary s : slots) {
                    int r = random.nextInt(6);
                    if (r < 4) {
                        attendance.mark(s.id(), person, AttendanceStatus.values()[r], null, null);
                    }
                }
            }
            if (!onRoster.isEmpty() && random.nextInt(4) == 0) {
                roster.remove(created.id(), onRoster.getFirst());
            }
            if (random.nextInt(3) == 0) {
                // trainers changed after the marks: the figures move from the old trainers' rows to the new ones'
                List<Long> others = trainers.stream().filter(t -> random.nextInt(2) == 0).toList();
                classes.update(created.id(), classes.get(created.id()).version(), new ClassForm(form.code(), form.title(),
                        form.programme(), null, form.unitId(), null, form.organisingLevel(), null, form.mode(), null, null,
                        form.startDate(), form.endDate(), null, form.budgetVnd(), form.status(), form.completionShare(), others));
            }
        }
        world.settle();

        List<UnitSummary> scopes = new ArrayList<>();
        scopes.add(null);
        scopes.addAll(List.of(world.sonLa, world.muongChien, world.haTinh, world.camXuyen, world.kyAnh));
        List<ReportFilter> periods = new ArrayList<>(List.of(ReportFilter.all()));
        for (Phase p : Phase.values()) {
            periods.add(ReportFilter.ofPhase(p));
        }
        for (int y = 2019; y <= 2026; y++) {
            periods.add(ReportFilter.all().withYear(y));
        }
        for (UnitSummary scope : scopes) {
            for (ReportFilter period : periods) {
                ReportFilter filter = period.withUnit(scope == null ? null : scope.id());
                ReportSummary s = reports.summary(filter, EnumSet.allOf(Breakdown.class));
                String what = "seed " + seed + ", " + (scope == null ? "country" : scope.name()) + ", " + filter.periodStart() + ".." + filter.periodEnd();
                assertThat(s.total()).as(what).isEqualTo(reference(filter, scope, "", ""));
                assertThat(reports.summary(filter.withMode(DeliveryMode.ONLINE), List.of()).total()).as(what + " online classes")
                        .isEqualTo(reference(filter, scope, " and c.delivery_mode = 'ONLINE'", "").withOnline(null, null));
                assertThat(reports.summary(filter.withTraineeLevel(TraineeLevel.RESIDENT), List.of()).total().uniqueParticipants())
                        .as(what + " residents").isEqualTo(reference(filter, scope, "", " and coalesce(k.trainee_level, 'UNKNOWN') = 'RESIDENT'")
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
                            String personCondition = b == Breakdown.TRAINEE_LEVEL ? " and coalesce(k.trainee_level, 'UNKNOWN') = '" + row.key() + "'" : "";
                            Figures expected = reference(filter, scope, condition, personCondition);
                            assertThat(row.figures().uniqueParticipants()).as(what + " " + b + " " + row.key()).isEqualTo(expected.uniqueParticipants());
                            assertThat(row.figures().participations()).as(what + " " + b + " " + row.key()).isEqualTo(expected.participations());
                        }
                    }
                }
            }
        }
        // and a rebuild from the base tables gives what the events gave
        ReportSummary before = reports.summary(ReportFilter.all(), EnumSet.allOf(Breakdown.class));
        reports.rebuild();
        assertThat(reports.summary(ReportFilter.all(), EnumSet.allOf(Breakdown.class))).as("seed " + seed).isEqualTo(before);
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
    private static String where(ReportFilter f, UnitSummary scope, String classCondition, List<Object> args) {
        String path = """
                (select case when exists (select 1 from unit_successor s where s.unit_id = u.id)
                   then (select min(su.path) from unit_successor s join administrative_unit su on su.id = s.successor_id where s.unit_id = u.id)
                   when u.level = 'DISTRICT' then (select pu.path from administrative_unit pu where pu.id = u.parent_id)
                   else u.path end from administrative_unit u where u.id = c.unit_id)""";
        StringBuilder where = new StringBuilder(" c.status <> 'CANCELLED'" + classCondition);
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
