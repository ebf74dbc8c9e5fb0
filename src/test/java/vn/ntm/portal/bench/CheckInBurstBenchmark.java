package vn.ntm.portal.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.training.CheckInCodes;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.SessionPart;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check-in burst of issue 4, measured rather than asserted: 10,000 distinct trainees on one roster check in
 * to one session over loopback HTTP through the lightweight page, paced to finish within a minute, then the raw
 * single-row insert rate of MariaDB on a table of the same shape, in the same run.
 * Run: {@code ./mvnw test -Dtest=CheckInBurstBenchmark -Dbench=true} (figures in target/bench/ and the log).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CheckInBurstBenchmark {

    static final int TRAINEES = Integer.getInteger("bench.trainees", 10_000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 50);
    static final int RATE_PER_SECOND = Integer.getInteger("bench.rate", 200);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
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
    CheckInCodes codes;

    @Test
    void tenThousandTraineesCheckInToOneSession() throws Exception {
        long sessionId = prepare();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
        // warm-up: JIT, connection pools and caches, as on a server that has been running before the meeting starts
        flatOutRate(http, sessionId);
        jdbc.update("delete from attendance where session_id = ?", sessionId);
        long[] latencies = new long[TRAINEES];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / RATE_PER_SECOND;
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < TRAINEES) {
                        long due = start + i * intervalNanos;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        String form = "s=" + sessionId + "&c=" + codes.current(sessionId, Instant.now()) + "&id=" + phone(i);
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/checkin"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200 || !response.body().contains("Đã điểm danh")) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - sent;
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = jdbc.queryForObject("select count(*) from attendance where session_id = ?", Long.class, sessionId);
        long distinct = jdbc.queryForObject("select count(distinct person_id) from attendance where session_id = ?", Long.class, sessionId);
        Arrays.sort(latencies);
        double portalRate = TRAINEES / seconds;

        double rawRate = rawInsertRate(TRAINEES, CLIENTS);
        double maxRate = flatOutRate(http, sessionId);

        String report = """
                # Check-in burst (%s)
                trainees: %d, concurrent clients: %d, paced at %d/s
                duration: %.1f s, errors: %d, records: %d (distinct persons %d)
                latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f
                portal throughput (paced): %.0f check-ins/s
                portal throughput (flat out, 2,000 repeat check-ins, %d clients): %.0f check-ins/s
                raw MariaDB single-row inserts (same table shape, %d connections, autocommit): %.0f rows/s
                portal flat-out throughput as a share of raw inserts: %.0f%%
                """.formatted(Instant.now(), TRAINEES, CLIENTS, RATE_PER_SECOND, seconds, errors.get(), stored, distinct,
                ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6,
                portalRate, CLIENTS, maxRate, CLIENTS, rawRate, 100 * maxRate / rawRate);
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/checkin-burst.md"), report);

        assertThat(errors.get()).isZero();
        assertThat(stored).isEqualTo(TRAINEES);
        assertThat(distinct).isEqualTo(TRAINEES);
    }

    /** Repeat check-ins as fast as the clients can send them: the portal's ceiling on this machine. */
    private double flatOutRate(HttpClient http, long sessionId) throws Exception {
        int n = 2_000;
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        String form = "s=" + sessionId + "&c=" + codes.current(sessionId, Instant.now()) + "&id=" + phone(i);
                        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/checkin"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
                    }
                    return null;
                });
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private double rawInsertRate(int rows, int connections) throws Exception {
        jdbc.execute("create table if not exists attendance_baseline like attendance");
        jdbc.execute("delete from attendance_baseline");
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                pool.submit(() -> {
                    try (Connection con = dataSource.getConnection();
                         PreparedStatement insert = con.prepareStatement("insert into attendance_baseline "
                                 + "(session_id, person_id, status, source, recorded_at) values (?, ?, 'PRESENT', 'SELF_CHECK_IN', ?)")) {
                        con.setAutoCommit(true);
                        int i;
                        while ((i = next.getAndIncrement()) < rows) {
                            insert.setLong(1, 1);
                            insert.setLong(2, i + 1L);
                            insert.setTimestamp(3, Timestamp.from(Instant.now()));
                            insert.executeUpdate();
                        }
                    }
                    return null;
                });
            }
        }
        double rate = rows / ((System.nanoTime() - start) / 1e9);
        jdbc.execute("drop table attendance_baseline");
        return rate;
    }

    private long prepare() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        var unit = units.findByCode("14").orElseThrow();
        var c = classes.create(new ClassForm("BENCH-1", "Tập huấn trực tuyến chuyển đổi số", null, null, unit.id(), null,
                OrganisingLevel.PROVINCE, null, DeliveryMode.ONLINE, null, "https://meet.example/ntm", today, today, null, null,
                ClassStatus.RUNNING, 80, List.of()));
        long sessionId = sessions.create(c.id(), today, SessionPart.MORNING, LocalTime.MIN, LocalTime.of(23, 59), DeliveryMode.ONLINE, null).id();
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> persons = new ArrayList<>();
        for (int i = 0; i < TRAINEES; i++) {
            persons.add(new Object[] {"Học viên " + i, phone(i), now});
        }
        jdbc.batchUpdate("insert into person (full_name, phone, created_at) values (?, ?, ?)", persons);
        jdbc.update("insert into roster_entry (class_id, person_id, source, created_at) select ?, id, 'IMPORT', ? from person", c.id(), now);
        return sessionId;
    }

    private static String phone(int i) {
        return String.format("09%08d", i);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
