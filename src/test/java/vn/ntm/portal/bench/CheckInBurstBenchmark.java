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
    static final int WARM_UP = Integer.getInteger("bench.warmup", 20_000);

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
        long[] prepared = prepare();
        long sessionId = prepared[0];
        long warmUpSessionId = prepared[1];
        // HTTP/1.1 as a phone's browser speaks to the portal; the client would otherwise offer an h2c upgrade on each connection
        ExecutorService httpThreads = Executors.newFixedThreadPool(CLIENTS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads).build();
        // started before the warm-up: starting the flight recorder at the start of the burst would stall it
        GcPauses gc = GcPauses.start();
        // warm-up: JIT, connection pools and caches, as on a server that has been running before the meeting starts
        // on another session of the class, so that the measured session starts empty without a mass delete
        // long enough for the JIT to have compiled the check-in path (client and server share this JVM), as on a portal
        // that has served for a while; the first 10,000 are new records, the rest repeats
        flatOutRate(http, warmUpSessionId, WARM_UP);
        Thread.sleep(3_000);
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long jitBefore = jit.getTotalCompilationTime();
        // per check-in: when it was due (the pace), when the client sent it, when the answer was in
        long[] due = new long[TRAINEES];
        long[] sent = new long[TRAINEES];
        long[] done = new long[TRAINEES];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / RATE_PER_SECOND;
        Instant burstStart = Instant.now();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < TRAINEES) {
                        due[i] = start + i * intervalNanos;
                        long wait = due[i] - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        String form = "s=" + sessionId + "&c=" + codes.current(sessionId, Instant.now()) + "&id=" + phone(i);
                        sent[i] = System.nanoTime();
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
                        done[i] = System.nanoTime();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        GcPauses.Summary pauses = gc.stop(burstStart, Instant.now());
        long jitMillis = jit.getTotalCompilationTime() - jitBefore;
        long stored = jdbc.queryForObject("select count(*) from attendance where session_id = ?", Long.class, sessionId);
        long distinct = jdbc.queryForObject("select count(distinct person_id) from attendance where session_id = ?", Long.class, sessionId);
        // service time: from the moment the request left the client (what a server log would show);
        // response time: from the moment the request was due, so that a stall of the client or the server that
        // delays later requests counts against them too (no coordinated omission)
        long[] service = new long[TRAINEES];
        long[] response = new long[TRAINEES];
        StringBuilder csv = new StringBuilder("due_ms,sent_ms,done_ms\n");
        for (int i = 0; i < TRAINEES; i++) {
            service[i] = done[i] - sent[i];
            response[i] = done[i] - due[i];
            csv.append(String.format("%.3f,%.3f,%.3f%n", (due[i] - start) / 1e6, (sent[i] - start) / 1e6, (done[i] - start) / 1e6));
        }
        Arrays.sort(service);
        Arrays.sort(response);
        double portalRate = TRAINEES / seconds;

        double rawRate = rawInsertRate(TRAINEES, CLIENTS);
        double maxRate = flatOutRate(http, sessionId, 2_000);

        String report = """
                # Check-in burst (%s)
                trainees: %d, concurrent clients: %d, paced at %d/s, JVM: %s, GC: %s
                duration: %.1f s, errors: %d, records: %d (distinct persons %d)
                response time ms (from when each check-in was due): p50 %.1f, p95 %.1f, p99 %.1f, max %.1f
                service time ms (from when the client sent it): p50 %.1f, p95 %.1f, p99 %.1f, max %.1f
                GC pauses during the burst: %s; JIT compilation during the burst: %d ms (after %d warm-up check-ins)
                portal throughput (paced): %.0f check-ins/s
                portal throughput (flat out, 2,000 repeat check-ins, %d clients): %.0f check-ins/s
                raw MariaDB single-row inserts (same table shape, %d connections, autocommit): %.0f rows/s
                portal flat-out throughput as a share of raw inserts: %.0f%%
                """.formatted(Instant.now(), TRAINEES, CLIENTS, RATE_PER_SECOND, Runtime.version(), GcPauses.collectors(),
                seconds, errors.get(), stored, distinct,
                ms(response, 0.50), ms(response, 0.95), ms(response, 0.99), response[response.length - 1] / 1e6,
                ms(service, 0.50), ms(service, 0.95), ms(service, 0.99), service[service.length - 1] / 1e6,
                pauses, jitMillis, WARM_UP, portalRate, CLIENTS, maxRate, CLIENTS, rawRate, 100 * maxRate / rawRate);
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/checkin-burst.md"), report);
        Files.writeString(Path.of("target/bench/checkin-burst-requests.csv"), csv);

        http.close();
        httpThreads.shutdownNow();
        assertThat(errors.get()).isZero();
        assertThat(stored).isEqualTo(TRAINEES);
        assertThat(distinct).isEqualTo(TRAINEES);
    }

    /** Collects the JVM's stop-the-world pauses (from its flight recorder) while a burst runs, to tell GC stalls from other causes. */
    static final class GcPauses {
        private final jdk.jfr.consumer.RecordingStream stream = new jdk.jfr.consumer.RecordingStream();
        private final List<jdk.jfr.consumer.RecordedEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());

        record Summary(int count, double totalMs, double maxMs) {
            @Override
            public String toString() {
                return "%d, total %.0f ms, longest %.1f ms".formatted(count, totalMs, maxMs);
            }
        }

        static GcPauses start() {
            GcPauses pauses = new GcPauses();
            pauses.stream.enable("jdk.GCPhasePause");
            pauses.stream.onEvent("jdk.GCPhasePause", pauses.events::add);
            pauses.stream.startAsync();
            return pauses;
        }

        static String collectors() {
            return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(java.lang.management.GarbageCollectorMXBean::getName).toList().toString();
        }

        Summary stop(Instant from, Instant to) {
            stream.stop();
            stream.close();
            synchronized (events) {
                List<Long> micros = events.stream().filter(e -> !e.getStartTime().isBefore(from) && e.getStartTime().isBefore(to))
                        .map(e -> e.getDuration().toNanos() / 1_000).toList();
                return new Summary(micros.size(), micros.stream().mapToLong(Long::longValue).sum() / 1e3,
                        micros.stream().mapToLong(Long::longValue).max().orElse(0) / 1e3);
            }
        }
    }

    /** Repeat check-ins as fast as the clients can send them: the portal's ceiling on this machine. */
    private double flatOutRate(HttpClient http, long sessionId, int n) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        String form = "s=" + sessionId + "&c=" + codes.current(sessionId, Instant.now()) + "&id=" + phone(i % TRAINEES);
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

    /** The measured session and a session of the same class to warm up on. */
    private long[] prepare() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        var unit = units.findByCode("14").orElseThrow();
        var c = classes.create(new ClassForm("BENCH-1", "Tập huấn trực tuyến chuyển đổi số", null, null, unit.id(), null,
                OrganisingLevel.PROVINCE, null, DeliveryMode.ONLINE, null, "https://meet.example/ntm", today, today, null, null,
                ClassStatus.RUNNING, 80, List.of()));
        long sessionId = sessions.create(c.id(), today, SessionPart.MORNING, LocalTime.MIN, LocalTime.of(23, 59), DeliveryMode.ONLINE, null).id();
        long warmUpSessionId = sessions.create(c.id(), today, SessionPart.AFTERNOON, LocalTime.MIN, LocalTime.of(23, 59), DeliveryMode.ONLINE, null).id();
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> persons = new ArrayList<>();
        for (int i = 0; i < TRAINEES; i++) {
            persons.add(new Object[] {"Học viên " + i, phone(i), now});
        }
        jdbc.batchUpdate("insert into person (full_name, phone, created_at) values (?, ?, ?)", persons);
        jdbc.update("insert into roster_entry (class_id, person_id, source, created_at) select ?, id, 'IMPORT', ? from person", c.id(), now);
        return new long[] {sessionId, warmUpSessionId};
    }

    private static String phone(int i) {
        return String.format("09%08d", i);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
