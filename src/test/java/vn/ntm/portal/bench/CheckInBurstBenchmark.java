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
import vn.ntm.portal.reporting.ReportFilter;
import vn.ntm.portal.reporting.ReportService;
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
 * single-row insert rate of MariaDB on a table of the same shape, in the same run. Meanwhile a sampler reads the
 * figure the province's dashboard shows twice a second, to tell how far the reports lag behind the check-ins.
 * Each simulated phone is its own client, as the check-in limits see real ones: its own device cookie, and the
 * public address of its network ({@value #PHONES_PER_ADDRESS} phones share one, as behind a carrier's NAT or a
 * commune hall's Wi-Fi), so the per-device and per-address limits apply with their production values.
 * Run: {@code ./mvnw test -Dtest=CheckInBurstBenchmark -Dbench=true} (figures in target/bench/ and the log).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the simulated phones reach the portal through this machine's loopback, as real ones through the operator's
        // reverse proxy: the address of each phone's network comes in X-Forwarded-For, trusted from loopback only
        properties = {"server.forward-headers-strategy=native", "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
                "server.tomcat.remoteip.remote-ip-header=X-Forwarded-For"})
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CheckInBurstBenchmark {

    static final int TRAINEES = Integer.getInteger("bench.trainees", 10_000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 50);
    static final int RATE_PER_SECOND = Integer.getInteger("bench.rate", 200);
    static final int WARM_UP = Integer.getInteger("bench.warmup", 20_000);
    static final int PHONES_PER_ADDRESS = 20;

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
    @Autowired
    ReportService reports;
    @Autowired
    vn.ntm.portal.training.CheckInService checkIns;

    /** Answers 429 from the check-in abuse limits, in the warm-up and flat-out phases (the burst counts its own). */
    private final AtomicInteger refusedOutsideBurst = new AtomicInteger();

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
        awaitReportsCurrent();
        Dashboard dashboard = new Dashboard(prepared[2]);
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long jitBefore = jit.getTotalCompilationTime();
        // per check-in: when it was due (the pace), when the client sent it, when the answer was in
        long[] due = new long[TRAINEES];
        long[] sent = new long[TRAINEES];
        long[] done = new long[TRAINEES];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / RATE_PER_SECOND;
        Instant burstStart = Instant.now();
        long start = System.nanoTime();
        dashboard.start();
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
                        String form = "s=" + reference(sessionId) + "&c=" + codes.current(sessionId, Instant.now()) + "&id=" + phone(i);
                        sent[i] = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(checkIn(form, i), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 429) {
                                refused.incrementAndGet();
                            }
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
        String freshness = dashboard.finish(done, errors.get() == 0);
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
        // what the trainer's board would show: requests of either session the limits turned away
        long refusedOnBoards = checkIns.board(sessionId).refusedAttempts() + checkIns.board(warmUpSessionId).refusedAttempts();

        String report = """
                # Check-in burst (%s)
                trainees: %d, concurrent clients: %d, paced at %d/s, JVM: %s, GC: %s
                duration: %.1f s, errors: %d, records: %d (distinct persons %d)
                refused by the check-in limits (429): burst %d, warm-up and flat out %d; counted by the limits on the trainer's boards: %d
                response time ms (from when each check-in was due): p50 %.1f, p95 %.1f, p99 %.1f, max %.1f
                service time ms (from when the client sent it): p50 %.1f, p95 %.1f, p99 %.1f, max %.1f
                GC pauses during the burst: %s; JIT compilation during the burst: %d ms (after %d warm-up check-ins)
                portal throughput (paced): %.0f check-ins/s
                portal throughput (flat out, 2,000 repeat check-ins, %d clients): %.0f check-ins/s
                raw MariaDB single-row inserts (same table shape, %d connections, autocommit): %.0f rows/s
                portal flat-out throughput as a share of raw inserts: %.0f%%
                %s
                """.formatted(Instant.now(), TRAINEES, CLIENTS, RATE_PER_SECOND, Runtime.version(), GcPauses.collectors(),
                seconds, errors.get(), stored, distinct, refused.get(), refusedOutsideBurst.get(), refusedOnBoards,
                ms(response, 0.50), ms(response, 0.95), ms(response, 0.99), response[response.length - 1] / 1e6,
                ms(service, 0.50), ms(service, 0.95), ms(service, 0.99), service[service.length - 1] / 1e6,
                pauses, jitMillis, WARM_UP, portalRate, CLIENTS, maxRate, CLIENTS, rawRate, 100 * maxRate / rawRate, freshness);
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/checkin-burst.md"), report);
        Files.writeString(Path.of("target/bench/checkin-burst-requests.csv"), csv);

        http.close();
        httpThreads.shutdownNow();
        assertThat(errors.get()).isZero();
        // honest phones, each with its own device cookie, 20 per network address: the limits must refuse none
        assertThat(refused.get() + refusedOutsideBurst.get()).isZero();
        assertThat(refusedOnBoards).isZero();
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

    /**
     * Reads the session attendances of the class's province, as its dashboard shows them, every 500 ms during the
     * burst. At each reading, the acknowledged check-ins not yet in the figure have waited since the oldest of them was
     * acknowledged: the largest such wait is how stale the dashboard ever was.
     */
    final class Dashboard {
        private final ReportFilter filter;
        private final long baseline;
        private final List<long[]> readings = java.util.Collections.synchronizedList(new ArrayList<>());
        private final org.springframework.security.core.context.SecurityContext admin =
                org.springframework.security.core.context.SecurityContextHolder.getContext();
        private volatile boolean stopped;
        private Thread sampler;

        Dashboard(long provinceId) {
            filter = ReportFilter.all().withUnit(provinceId);
            baseline = shown();
        }

        private long shown() {
            return reports.summary(filter, List.of()).total().sessionAttendances();
        }

        void start() {
            sampler = Thread.ofPlatform().name("dashboard-sampler").start(() -> {
                org.springframework.security.core.context.SecurityContextHolder.setContext(admin);
                while (!stopped) {
                    readings.add(new long[]{System.nanoTime(), shown() - baseline});
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        /** Keeps reading until every check-in shows (at most a minute after the burst), then sums up. */
        String finish(long[] done, boolean allAcknowledged) throws InterruptedException {
            long lastAck = Arrays.stream(done).max().orElse(0);
            long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < giveUp && (readings.isEmpty() || readings.getLast()[1] < TRAINEES)) {
                Thread.sleep(100);
            }
            stopped = true;
            sampler.join();
            long[] acks = done.clone();
            Arrays.sort(acks);
            List<Double> stale = new ArrayList<>();
            long caughtUp = -1;
            synchronized (readings) {
                for (long[] r : readings) {
                    int shownCount = (int) Math.min(r[1], TRAINEES);
                    if (shownCount < TRAINEES && acks[shownCount] < r[0]) {
                        stale.add((r[0] - acks[shownCount]) / 1e9);
                    } else {
                        stale.add(0.0);
                    }
                    if (caughtUp < 0 && r[1] >= TRAINEES) {
                        caughtUp = r[0];
                    }
                }
            }
            double[] sorted = stale.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return "dashboard freshness (province's session attendances read every 500 ms, %d readings, %s): acknowledged check-ins waited"
                    .formatted(sorted.length, allAcknowledged ? "all acknowledged" : "some refused")
                    + " to show p50 %.1f s, p95 %.1f s, max %.1f s; all %d showed %s".formatted(
                    sorted.length == 0 ? 0 : sorted[sorted.length / 2], sorted.length == 0 ? 0 : sorted[(int) Math.ceil(0.95 * sorted.length) - 1],
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1], TRAINEES,
                    caughtUp < 0 ? "not within 60 s" : "%.1f s after the last acknowledgement".formatted(Math.max(0, caughtUp - lastAck) / 1e9));
        }
    }

    /** Waits until the warm-up's check-ins have reached the reports, so that the burst starts from a current dashboard. */
    private void awaitReportsCurrent() throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < giveUp) {
            Long open = jdbc.queryForObject("select (select count(*) from EVENT_PUBLICATION where completion_date is null)"
                    + " + (select count(*) from report_pending)", Long.class);
            if (open != null && open == 0) {
                return;
            }
            Thread.sleep(200);
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
                        String form = "s=" + reference(sessionId) + "&c=" + codes.current(sessionId, Instant.now()) + "&id=" + phone(i % TRAINEES);
                        if (http.send(checkIn(form, i % TRAINEES), HttpResponse.BodyHandlers.discarding()).statusCode() == 429) {
                            refusedOutsideBurst.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private double rawInsertRate(int rows, int connections) throws Exception {
        // a table of the benchmark's own: made by the schema's owner, written by the application's account
        JdbcTemplate owner = vn.ntm.portal.TestData.asSchemaOwner(jdbc);
        owner.execute("create table if not exists attendance_baseline like attendance");
        if (vn.ntm.portal.embeddeddb.EmbeddedMariaDb.running().isPresent()) {
            owner.execute("grant select, insert, delete on attendance_baseline to '"
                    + vn.ntm.portal.embeddeddb.EmbeddedMariaDb.APPLICATION + "'@'" + vn.ntm.portal.embeddeddb.EmbeddedMariaDb.HOST + "'");
        }
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
        owner.execute("drop table attendance_baseline");
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
        return new long[] {sessionId, warmUpSessionId, unit.id()};
    }

    /** The check-in form as phone {@code i} posts it: its own device cookie, its network's address. */
    private HttpRequest checkIn(String form, int i) {
        int network = i / PHONES_PER_ADDRESS;
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/checkin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "ntm-device=" + String.format("benchphone%012d", i))
                .header("X-Forwarded-For", "100.64." + (network / 250) + "." + (network % 250 + 1))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private final java.util.Map<Long, String> references = new java.util.concurrent.ConcurrentHashMap<>();

    /** The session as its QR code names it. */
    private String reference(long sessionId) {
        return references.computeIfAbsent(sessionId,
                id -> jdbc.queryForObject("select checkin_ref from class_session where id = ?", String.class, id));
    }

    private static String phone(int i) {
        return String.format("09%08d", i);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
