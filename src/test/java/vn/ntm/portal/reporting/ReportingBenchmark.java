package vn.ntm.portal.reporting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.AttendanceStatus;
import vn.ntm.portal.unit.ImportProgress;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitLevel;
import vn.ntm.portal.unit.UnitSummary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's benchmark: national-scale data generated in SQL (the official 34 provinces and 3,321 communes, about a
 * million persons, classes over 2021-2025 with their sessions, rosters and about 10 million session attendances), the
 * summaries built by the module's own rebuild (timed), then each question the dashboard asks, through
 * {@link ReportService} as the dashboard calls it, timed many times (p50/p95/p99), side by side with the same figures
 * computed by plain GROUP BY / COUNT(DISTINCT) over the base tables, whose results must be identical.
 * Not part of the build; run it with {@code ./mvnw test -Dtest=ReportingBenchmark -Dbenchmark=true}
 * ({@code -Dbenchmark.classes=N} for another size; figures in the log and target/bench/reporting.md).
 */
// plain SQL over national data runs for minutes: no 5-s statement limit here
@SpringBootTest(properties = "spring.datasource.hikari.data-source-properties.socketTimeout=0")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReportingBenchmark {

    /** About 168 session attendances per class (40 on the roster, 5 sessions, 85% present): 59,500 classes give 10 million. */
    static final int CLASSES = Integer.getInteger("benchmark.classes", 59_500);
    static final int PERSONS_PER_COMMUNE = 300;
    static final int RUNS = Integer.getInteger("benchmark.runs", 200);
    static final int BASE_RUNS = Integer.getInteger("benchmark.baseRuns", 3);
    static final int CHUNK = 2_000;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    ReportService reports;
    @Autowired
    AttendanceService attendance;

    private final StringBuilder out = new StringBuilder();

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        JdbcTemplate owner = TestData.asSchemaOwner(jdbc);
        owner.update("drop table if exists bench_class");
        owner.update("drop table if exists bench_commune");
        owner.update("drop table if exists bench_province");
    }

    @Test
    void dashboardQueriesOnNationalDataAnswerFromTheSummariesWithTheFiguresOfTheBaseTables() throws Exception {
        Path file = Path.of(System.getProperty("portal.shared-dir", "../shared"), "data/vn-admin-units/vn-units-2026-07-25.json");
        assertThat(file).as("the official list of units, beside the project").exists();
        TestData.reset(jdbc);
        // a production server gives InnoDB memory for its data; the embedded one starts with 128 MiB
        administer("set global innodb_buffer_pool_size = " + Long.getLong("benchmark.bufferPool", 3L << 30));
        TestData.signInAsAdmin();
        unitImport.importFile("vn-units.json", Files.readAllBytes(file), ImportProgress.NONE);
        settle();
        line("MariaDB %s, %d cores, JVM %s, buffer pool %d MiB", jdbc.queryForObject("select version()", String.class),
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                jdbc.queryForObject("select @@innodb_buffer_pool_size", Long.class) >> 20);

        long started = System.nanoTime();
        generate();
        long generated = System.nanoTime();
        long attendances = count("select count(*) from attendance where status in ('PRESENT', 'LATE')");
        line("generated in %.1f s: %,d communes, %,d persons, %,d classes, %,d sessions, %,d roster places, %,d attendance marks"
                        + " of which %,d present or late", (generated - started) / 1e9,
                count("select count(*) from administrative_unit where level = 'COMMUNE'"), count("select count(*) from person"),
                count("select count(*) from training_class"), count("select count(*) from class_session"),
                count("select count(*) from roster_entry"), count("select count(*) from attendance"), attendances);

        TestData.signInAsAdmin();
        var rebuilt = reports.rebuild();
        line("rebuild of the summaries: %.1f s (%,d classes, %,d class-person rows, %,d cells)", rebuilt.millis() / 1e3,
                rebuilt.classes(), rebuilt.participations(), rebuilt.cells());
        jdbc.execute("analyze table report_class, report_participation, report_cell, report_online, report_unit_map");

        UnitSummary haTinh = units.findByCode("42").orElseThrow();
        ReportFilter phase = ReportFilter.ofPhase(Phase.P2021_2025);
        ReportFilter inHaTinh = phase.withUnit(haTinh.id());
        Base national = new Base(phase, null);
        Base province = new Base(phase, haTinh.path());

        line("");
        line("| question | p50 | p95 | p99 | plain SQL (median of %d) | plain / p95 | same figures |", BASE_RUNS);
        line("|---|---|---|---|---|---|---|");
        compare("national totals, phase 2021-2025", () -> reports.summary(phase, List.of()), null,
                () -> national.figures("'ALL'", false));
        compare("by year", () -> reports.summary(phase, List.of(Breakdown.YEAR)), Breakdown.YEAR,
                () -> national.figures("year(c.start_date)", false));
        compare("by province", () -> reports.summary(phase, List.of(Breakdown.UNIT)), Breakdown.UNIT,
                () -> national.figures("case when u.level = 'PROVINCE' then u.id else u.parent_id end", false));
        compare("Hà Tĩnh by commune (drill-down)", () -> reports.summary(inHaTinh, List.of(Breakdown.UNIT)), Breakdown.UNIT,
                () -> province.figures("case when u.level = 'PROVINCE' then 0 else u.id end", false));
        compare("by delivery mode", () -> reports.summary(phase, List.of(Breakdown.MODE)), Breakdown.MODE,
                () -> national.figures("c.delivery_mode", false));
        compare("by trainee level", () -> reports.summary(phase, List.of(Breakdown.TRAINEE_LEVEL)), Breakdown.TRAINEE_LEVEL,
                () -> national.figures("coalesce(p.trainee_level, 'UNKNOWN')", true));
        compare("by organising level", () -> reports.summary(phase, List.of(Breakdown.ORGANISING_LEVEL)), Breakdown.ORGANISING_LEVEL,
                () -> national.figures("c.organising_level", false));
        compare("by programme", () -> reports.summary(phase, List.of(Breakdown.PROGRAMME)), Breakdown.PROGRAMME,
                () -> national.figures("coalesce(c.programme, '')", false));
        compare("Hà Tĩnh by trainer", () -> reports.summary(inHaTinh, List.of(Breakdown.TRAINER)), Breakdown.TRAINER,
                () -> province.figures("coalesce(ct.account_id, 0)", false, " left join class_trainer ct on ct.class_id = c.id"));
        compare("by trainer", () -> reports.summary(phase, List.of(Breakdown.TRAINER)), Breakdown.TRAINER,
                () -> national.figures("coalesce(ct.account_id, 0)", false, " left join class_trainer ct on ct.class_id = c.id"));
        TestData.signInAs(Role.COORDINATOR, haTinh.id(), haTinh.path());
        compare("Hà Tĩnh coordinator, own scope, by commune", () -> reports.summary(phase, List.of(Breakdown.UNIT)), Breakdown.UNIT,
                () -> province.figures("case when u.level = 'PROVINCE' then 0 else u.id end", false));
        // what the dashboard asks on each change of filter (ReportsView.SHOWN)
        List<Breakdown> dashboard = List.of(Breakdown.YEAR, Breakdown.UNIT, Breakdown.MODE, Breakdown.TRAINEE_LEVEL,
                Breakdown.ORGANISING_LEVEL, Breakdown.PROGRAMME, Breakdown.TRAINER);
        timeOnly("Hà Tĩnh coordinator, whole dashboard (7 breakdowns)", () -> reports.summary(phase, dashboard));
        // a trainer's own dashboard: the filter by trainer takes the class-person rows, starting from the trainer's classes
        long busiest = jdbc.queryForObject("select account_id from class_trainer group by account_id order by count(*) desc limit 1",
                Long.class);
        TestData.signInAsAccount(jdbc, jdbc.queryForObject("select username from account where id = ?", String.class, busiest));
        compare("a trainer's own classes (the busiest trainer)", () -> reports.summary(phase, List.of()), null,
                () -> national.figures("'ALL'", false, " join class_trainer ct on ct.class_id = c.id and ct.account_id = " + busiest));
        timeOnly("a trainer's own dashboard (7 breakdowns)", () -> reports.summary(phase, dashboard));
        TestData.signInAsAdmin();
        timeOnly("national, whole dashboard (7 breakdowns)", () -> reports.summary(phase, dashboard));
        timeOnly("national, one year, whole dashboard", () -> reports.summary(ReportFilter.all().withYear(2024), dashboard));
        line("");
        if (!Boolean.getBoolean("benchmark.skipFreshness")) {
            freshnessDuringABurst(haTinh);
        }
        line("total %.1f s", (System.nanoTime() - started) / 1e9);

        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/reporting.md"), out.toString());
        assertThat(attendances).as("session attendances generated").isGreaterThan(CLASSES * 150L);
    }

    // ---- freshness: how long a mark takes to reach the summaries while a burst of marks elsewhere is running

    static final int BURST_RATE = Integer.getInteger("benchmark.burstRate", 167);
    static final int BURST_SECONDS = Integer.getInteger("benchmark.burstSeconds", 30);

    private void freshnessDuringABurst(UnitSummary haTinh) throws Exception {
        settle();
        // the burst: marks that change something (present <-> absent) in classes outside Hà Tĩnh, through AttendanceService
        List<Long[]> burst = jdbc.query("""
                select s.id, r.person_id, coalesce(a.status in ('PRESENT', 'LATE'), 0), a.version from class_session s
                join roster_entry r on r.class_id = s.class_id join training_class c on c.id = s.class_id
                join administrative_unit u on u.id = c.unit_id
                left join attendance a on a.session_id = s.id and a.person_id = r.person_id
                where u.path not like ? and c.status <> 'CANCELLED' and s.class_id % 97 = 1 limit ?""",
                (rs, i) -> new Long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), (Long) rs.getObject(4)}, haTinh.path() + "%",
                BURST_RATE * BURST_SECONDS);
        // the probes: unmarked persons on the roster of classes in Hà Tĩnh's communes, each in a commune of its own
        Map<Long, long[]> byCommune = new java.util.LinkedHashMap<>();
        jdbc.query("""
                select s.id, r.person_id, u.id from class_session s join roster_entry r on r.class_id = s.class_id
                join training_class c on c.id = s.class_id join administrative_unit u on u.id = c.unit_id
                left join attendance a on a.session_id = s.id and a.person_id = r.person_id
                where u.path like ? and u.level = 'COMMUNE' and c.status <> 'CANCELLED' and a.id is null limit 5000""", rs -> {
            byCommune.putIfAbsent(rs.getLong(3), new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        }, haTinh.path() + "%");
        List<long[]> probes = byCommune.values().stream().limit(BURST_SECONDS / 2).toList();
        var admin = SecurityContextHolder.getContext();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        long burstStart = System.nanoTime();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < burst.size(); i++) {
            Long[] b = burst.get(i);
            long due = burstStart + (long) (i * 1e9 / BURST_RATE);
            futures.add(pool.submit(() -> {
                SecurityContextHolder.setContext(admin);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                try {
                    // with the version the trainer's grid would have read, as a trainer changing a mark does
                    attendance.mark(b[0], b[1], b[2] == 1 ? AttendanceStatus.ABSENT : AttendanceStatus.PRESENT, null, b[3]);
                    done.incrementAndGet();
                } catch (RuntimeException e) {
                    if (failed.getAndIncrement() == 0) {
                        System.out.println("BENCHMARK first refused mark: " + e);
                    }
                }
            }));
        }
        List<Double> latencies = new ArrayList<>();
        long queueDepth = 0;
        for (long[] probe : probes) {
            Thread.sleep(1_500);
            queueDepth = Math.max(queueDepth, count("select count(*) from report_pending"));
            ReportFilter commune = ReportFilter.ofPhase(Phase.P2021_2025).withUnit(probe[2]);
            long before = reports.summary(commune, List.of()).total().sessionAttendances();
            long marked = System.nanoTime();
            attendance.mark(probe[0], probe[1], AttendanceStatus.PRESENT, null, null);
            boolean seen = ReportingWorld.within(Duration.ofSeconds(60),
                    () -> reports.summary(commune, List.of()).total().sessionAttendances() == before + 1);
            latencies.add(seen ? (System.nanoTime() - marked) / 1e6 : Double.POSITIVE_INFINITY);
        }
        for (var f : futures) {
            f.get();
        }
        double burstSeconds = (System.nanoTime() - burstStart) / 1e9;
        pool.shutdown();
        long drainStart = System.nanoTime();
        settle();
        double[] l = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        line("freshness: %d marks through AttendanceService in %.1f s (%.0f/s asked, %.0f/s done, %d refused) outside Hà Tĩnh;"
                        + " %d probe marks in Hà Tĩnh's communes reached the commune's figures after p50 %.0f ms, max %.0f ms;"
                        + " the listeners caught up %.1f s after the burst; at most %d changes queued at a probe", done.get(), burstSeconds, (double) BURST_RATE,
                done.get() / burstSeconds, failed.get(), l.length, pct(l, 50), l.length == 0 ? 0 : l[l.length - 1],
                (System.nanoTime() - drainStart) / 1e9, queueDepth);
    }

    // ---- measuring

    private void compare(String question, Supplier<ReportSummary> fast, Breakdown breakdown, Supplier<Map<String, long[]>> plain) {
        double[] times = time(fast, RUNS);
        ReportSummary summary = fast.get();
        if (BASE_RUNS == 0) {
            line("| %s | %.1f ms | %.1f ms | %.1f ms | (not run) | | |", question, pct(times, 50), pct(times, 95), pct(times, 99));
            return;
        }
        Map<String, long[]> expected = null;
        double[] baseTimes = new double[BASE_RUNS];
        for (int i = 0; i < BASE_RUNS; i++) {
            long start = System.nanoTime();
            expected = plain.get();
            baseTimes[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(baseTimes);
        double baseMedian = baseTimes[BASE_RUNS / 2];
        Map<String, long[]> actual = new HashMap<>();
        if (breakdown == null) {
            actual.put("ALL", values(summary.total(), true));
        } else {
            for (ReportRow row : summary.rows(breakdown)) {
                actual.put(row.key(), values(row.figures(), breakdown != Breakdown.TRAINEE_LEVEL));
            }
        }
        boolean same = sameFigures(actual, expected);
        line("| %s | %.1f ms | %.1f ms | %.1f ms | %,.0f ms | %.0f× | %s |", question, pct(times, 50), pct(times, 95), pct(times, 99),
                baseMedian, baseMedian / pct(times, 95), same ? "yes (" + actual.size() + " rows)" : "NO");
        assertThat(same).as(question + ": summaries " + show(actual) + " vs base tables " + show(expected)).isTrue();
    }

    private void timeOnly(String question, Supplier<ReportSummary> fast) {
        double[] times = time(fast, Math.max(20, RUNS / 4));
        line("| %s | %.1f ms | %.1f ms | %.1f ms | | | |", question, pct(times, 50), pct(times, 95), pct(times, 99));
    }

    private static double[] time(Supplier<ReportSummary> query, int runs) {
        for (int i = 0; i < 5; i++) {
            query.get();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times;
    }

    private static double pct(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** classes, budget, enrolments, session attendances, participations, unique participants, completions. */
    private static long[] values(Figures f, boolean classLevel) {
        return new long[]{classLevel && f.classes() != null ? f.classes() : 0, classLevel && f.budgetVnd() != null ? f.budgetVnd() : 0,
                f.enrolments(), f.sessionAttendances(), f.participations(), f.uniqueParticipants(), f.completions()};
    }

    private static boolean sameFigures(Map<String, long[]> a, Map<String, long[]> b) {
        Map<String, long[]> x = nonZero(a);
        Map<String, long[]> y = nonZero(b);
        return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> Arrays.equals(x.get(k), y.get(k)));
    }

    private static Map<String, long[]> nonZero(Map<String, long[]> m) {
        Map<String, long[]> r = new HashMap<>();
        m.forEach((k, v) -> {
            if (Arrays.stream(v).anyMatch(n -> n != 0)) {
                r.put(k, v);
            }
        });
        return r;
    }

    private static String show(Map<String, long[]> m) {
        StringBuilder s = new StringBuilder();
        m.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(8)
                .forEach(e -> s.append(e.getKey()).append('=').append(Arrays.toString(e.getValue())).append(' '));
        return s.toString();
    }

    /**
     * The figures by plain SQL over training_class, class_session, roster_entry, attendance and person, grouped by an
     * expression over c (class), u (its unit) and p (the person). The data has no merged persons and no dissolved
     * units, so these queries leave both out: that only makes them cheaper than a general one.
     */
    private final class Base {
        final String where;
        final Object[] args;

        Base(ReportFilter f, String path) {
            List<Object> a = new ArrayList<>(List.of(Date.valueOf(f.periodStart()), Date.valueOf(f.periodEnd())));
            String w = " c.status <> 'CANCELLED' and c.start_date between ? and ?";
            if (path != null) {
                w += " and u.path like ?";
                a.add(path + "%");
            }
            where = w;
            args = a.toArray();
        }

        Map<String, long[]> figures(String group, boolean byPerson) {
            return figures(group, byPerson, "");
        }

        /** {@code join} adds a table to group by (the class's trainers: a class with two counts in both rows). */
        Map<String, long[]> figures(String group, boolean byPerson, String join) {
            Map<String, long[]> rows = new HashMap<>();
            if (!byPerson) {
                jdbc.query("select " + group + ", count(*), coalesce(sum(c.budget_vnd), 0) from training_class c"
                        + " join administrative_unit u on u.id = c.unit_id" + join + " where" + where + " group by 1", rs -> {
                    long[] v = rows.computeIfAbsent(rs.getString(1), k -> new long[7]);
                    v[0] = rs.getLong(2);
                    v[1] = rs.getLong(3);
                }, args);
            }
            jdbc.query("select " + group + ", count(*) from roster_entry r join training_class c on c.id = r.class_id"
                    + " join administrative_unit u on u.id = c.unit_id" + join + (byPerson ? " join person p on p.id = r.person_id" : "")
                    + " where" + where + " group by 1", rs -> {
                rows.computeIfAbsent(rs.getString(1), k -> new long[7])[2] = rs.getLong(2);
            }, args);
            // per class and person first (the class's dimensions are the same for all its rows), then grouped
            jdbc.query("""
                    select %s, sum(d.n), count(*), count(distinct d.person_id), sum(d.n * 100 >= c.completion_share * t.total)
                    from (select s.class_id, a.person_id, count(*) as n
                          from attendance a join class_session s on s.id = a.session_id join training_class c on c.id = s.class_id
                          join administrative_unit u on u.id = c.unit_id
                          where a.status in ('PRESENT', 'LATE') and %s
                          group by s.class_id, a.person_id) d
                    join training_class c on c.id = d.class_id join administrative_unit u on u.id = c.unit_id %s
                    join (select class_id, count(*) as total from class_session group by class_id) t on t.class_id = c.id %s
                    group by 1""".formatted(group, where, join, byPerson ? "join person p on p.id = d.person_id" : ""), rs -> {
                long[] v = rows.computeIfAbsent(rs.getString(1), k -> new long[7]);
                v[3] = rs.getLong(2);
                v[4] = rs.getLong(3);
                v[5] = rs.getLong(4);
                v[6] = rs.getLong(5);
            }, args);
            return rows;
        }
    }

    // ---- the data, generated in SQL

    /** Server settings are the embedded server's administrator's to change. */
    private static void administer(String sql) {
        vn.ntm.portal.embeddeddb.EmbeddedMariaDb.running().orElseThrow().administer(sql);
    }

    private void generate() {
        int communes = count("select count(*) from administrative_unit where level = 'COMMUNE'").intValue();
        int persons = communes * PERSONS_PER_COMMUNE;
        administer("set global innodb_flush_log_at_trx_commit = 2");
        // the generator makes tables of its own: the schema's owner does that, not the application's account
        TestData.asSchemaOwner(jdbc).execute((ConnectionCallback<Void>) con -> {
            try (Statement st = con.createStatement()) {
                st.execute("set session foreign_key_checks = 0");
                st.execute("set session unique_checks = 0");
                st.execute("create table bench_commune (k int primary key, commune_id bigint not null, province_id bigint not null)");
                st.execute("""
                        insert into bench_commune select row_number() over (order by u.code) - 1, u.id, u.parent_id
                        from administrative_unit u where u.level = 'COMMUNE'""");
                step(st, "persons", """
                        insert into person (id, full_name, birth_year, commune_id, trainee_level, created_at)
                        select s.seq, concat('Học viên ', s.seq), 1960 + s.seq %% 45, bc.commune_id,
                          case when s.seq %% 100 < 2 then 'PROVINCE_OFFICIAL' when s.seq %% 100 < 7 then 'DISTRICT_OFFICIAL'
                               when s.seq %% 100 < 25 then 'COMMUNE_OFFICIAL' when s.seq %% 100 < 45 then 'VILLAGE_OFFICIAL'
                               else 'RESIDENT' end, now(6)
                        from seq_1_to_%d s join bench_commune bc on bc.k = (s.seq - 1) div %d""".formatted(persons, PERSONS_PER_COMMUNE));
                // per class: its commune, days (1-4, two sessions a day), roster size (20-60), levels, mode, first day in 2021-2025
                st.execute("""
                        create table bench_class (id bigint primary key, k int not null, days int not null, n int not null,
                          olevel varchar(10) not null, mode varchar(12) not null, start_date date not null, cancelled boolean not null)""");
                step(st, "class plan", """
                        insert into bench_class
                        select s.seq, crc32(concat('k', s.seq)) %% %d, 1 + crc32(concat('d', s.seq)) %% 4, 20 + crc32(concat('n', s.seq)) %% 41,
                          case when crc32(concat('o', s.seq)) %% 100 < 5 then 'CENTRAL' when crc32(concat('o', s.seq)) %% 100 < 20 then 'PROVINCE'
                               when crc32(concat('o', s.seq)) %% 100 < 40 then 'DISTRICT' else 'COMMUNE' end,
                          case when crc32(concat('m', s.seq)) %% 100 < 80 then 'IN_PERSON' when crc32(concat('m', s.seq)) %% 100 < 92 then 'ONLINE'
                               else 'BLENDED' end,
                          date '2021-01-04' + interval (crc32(concat('t', s.seq)) %% 1820) day, crc32(concat('c', s.seq)) %% 100 = 0
                        from seq_1_to_%d s""".formatted(communes, CLASSES));
                step(st, "classes", """
                        insert into training_class (id, code, title, programme, topics, unit_id, organising_level, target_groups,
                          delivery_mode, start_date, end_date, budget_vnd, status, completion_share, created_at)
                        select b.id, concat('BENCH-', b.id), concat('Lớp tập huấn ', b.id),
                          elt(1 + b.id % 4, 'NTM 2021-2025', 'Chuyển đổi số trong xây dựng nông thôn mới', 'Chương trình OCOP', 'Du lịch nông thôn'),
                          elt(1 + b.id % 3, 'Bộ tiêu chí quốc gia về xã nông thôn mới', 'Phát triển sản xuất', 'Môi trường nông thôn'),
                          if(b.olevel in ('CENTRAL', 'PROVINCE'), bc.province_id, bc.commune_id), b.olevel, 'Cán bộ xã, người dân',
                          b.mode, b.start_date, b.start_date + interval (b.days - 1) day, (5 + crc32(concat('b', b.id)) % 46) * 1000000,
                          if(b.cancelled, 'CANCELLED', 'FINISHED'), 80, now(6)
                        from bench_class b join bench_commune bc on bc.k = b.k""");
                sessions(st);
                // trainers: 20 accounts per province; a class has one trainer of its province, one in five a second, one in
                // twenty none recorded
                st.execute("""
                        create table bench_province (k int primary key, province_id bigint not null)""");
                st.execute("""
                        insert into bench_province select row_number() over (order by u.code) - 1, u.id
                        from administrative_unit u where u.level = 'PROVINCE'""");
                step(st, "trainers", """
                        insert into account (id, username, full_name, password_hash, role, unit_id, created_at)
                        select 1000000 + bp.k * 20 + s.seq, concat('bench.trainer.', bp.k * 20 + s.seq),
                          concat('Giảng viên ', bp.k * 20 + s.seq), '-', 'TRAINER', bp.province_id, now(6)
                        from bench_province bp join seq_0_to_19 s""");
                step(st, "class trainers", """
                        insert into class_trainer (class_id, account_id)
                        select b.id, 1000000 + bp.k * 20 + (crc32(concat('g', b.id)) %% 20 + x.seq) %% 20
                        from bench_class b join bench_commune bc on bc.k = b.k join bench_province bp on bp.province_id = bc.province_id
                        join seq_0_to_1 x on x.seq = 0 or crc32(concat('h', b.id)) %% 100 < 20
                        where crc32(concat('z', b.id)) %% 100 >= 5""".formatted());
                // the roster of a class: n distinct persons of its commune
                step(st, "rosters", """
                        insert into roster_entry (class_id, person_id, source, created_at)
                        select b.id, 1 + b.k * %d + (b.id * 13 + r.seq * 7) %% %d, 'MANUAL', now(6)
                        from bench_class b join seq_0_to_59 r on r.seq < b.n""".formatted(PERSONS_PER_COMMUNE, PERSONS_PER_COMMUNE));
                // each person on the roster, each session: 77% present, 8% late, 5% marked absent, 10% unmarked
                long start = System.nanoTime();
                for (int from = 1; from <= CLASSES; from += CHUNK) {
                    st.execute("""
                            insert into attendance (session_id, person_id, status, source, recorded_at)
                            select x.id, x.person_id, case when x.h < 8 then 'LATE' when x.h < 85 then 'PRESENT' else 'ABSENT' end,
                              'TRAINER', now(6)
                            from (select s.id, r.person_id, crc32(s.id * 1000003 + r.person_id) %% 100 as h
                                  from class_session s join roster_entry r on r.class_id = s.class_id
                                  where s.class_id between %d and %d) x
                            where x.h < 90""".formatted(from, from + CHUNK - 1));
                }
                line("generated attendance in %.1f s", (System.nanoTime() - start) / 1e9);
                st.execute("set session foreign_key_checks = 1");
                st.execute("set session unique_checks = 1");
            }
            return null;
        });
        administer("set global innodb_flush_log_at_trx_commit = 1");
        jdbc.execute("analyze table person, training_class, class_session, roster_entry, attendance, administrative_unit");
    }

    /**
     * The sessions, with the trigger of V11_1 (each session's check-in reference) set aside while they go in: with it,
     * MariaDB 11.4 refuses this INSERT ... SELECT with "Column 'class_id' cannot be null" although no selected row has
     * one (also with unique checks on, and from a single plain table). The reference is made as the trigger makes it,
     * and the trigger is put back as it was, so the data is what the application would hold.
     */
    private void sessions(Statement st) throws java.sql.SQLException {
        String insert = """
                insert into class_session (class_id, session_date, part, starts_at, ends_at, delivery_mode, checkin_ref)
                select b.id, b.start_date + interval (s.seq div 2) day, if(s.seq % 2 = 0, 'MORNING', 'AFTERNOON'),
                  if(s.seq % 2 = 0, '07:30', '13:30'), if(s.seq % 2 = 0, '11:30', '17:00'), b.mode,
                  replace(replace(replace(to_base64(random_bytes(16)), '+', '-'), '/', '_'), '=', '')
                from bench_class b join seq_0_to_7 s on s.seq < 2 * b.days where not b.cancelled order by b.id, s.seq""";
        String trigger = TestData.asSchemaOwner(jdbc).queryForObject("""
                select action_statement from information_schema.triggers
                where trigger_schema = database() and trigger_name = 'class_session_checkin_ref'""", String.class);
        st.execute("drop trigger class_session_checkin_ref");
        try {
            step(st, "sessions", insert);
        } finally {
            st.execute("create trigger class_session_checkin_ref before insert on class_session for each row " + trigger);
        }
    }

    private void step(Statement st, String what, String sql) throws java.sql.SQLException {
        long start = System.nanoTime();
        int rows = st.executeUpdate(sql);
        line("generated %s: %,d rows in %.1f s", what, rows, (System.nanoTime() - start) / 1e9);
    }

    private Long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private void settle() {
        ReportingWorld.within(Duration.ofSeconds(120), () -> count("select count(*) from EVENT_PUBLICATION where completion_date is null") == 0
                && count("select count(*) from report_pending") == 0);
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println("BENCHMARK " + s);
        out.append(s).append('\n');
    }
}
