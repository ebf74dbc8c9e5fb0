package vn.ntm.portal.training;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import vn.ntm.portal.TestData;
import vn.ntm.portal.embeddeddb.EmbeddedMariaDb;
import vn.ntm.portal.person.PersonDetails;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The production jar runs as its own process against the test's MariaDB; trainees check in against it and the
 * process is killed (SIGKILL) in the middle of the burst. Every check-in it had acknowledged is in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.checkin.opens-before-minutes=2880", "portal.checkin.closes-after-minutes=2880"})
@ActiveProfiles("demo")
class PortalKilledMidBurstIT {

    private static final String SECRET = "secret-shared-with-the-killed-portal";
    private static final int TRAINEES = 400;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ClassService classes;
    @Autowired
    SessionService sessions;
    @Autowired
    RosterService roster;

    @Test
    void everyCheckInAcknowledgedBeforeThePortalIsKilledIsInTheDatabase() throws Exception {
        Optional<Path> jar = productionJar();
        assumeTrue(jar.isPresent() && EmbeddedMariaDb.running().isPresent(), "needs the packaged jar and the embedded MariaDB");
        long sessionId = classWithRoster();
        String ref = jdbc.queryForObject("select checkin_ref from class_session where id = ?", String.class, sessionId);
        CheckInCodes codes = new CheckInCodes(SECRET, 30);
        int port = freePort();
        Process portal = start(jar.get(), port);
        try {
            awaitHealthy(port, portal);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failedAfterKill = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService trainees = Executors.newFixedThreadPool(6);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                running.add(trainees.submit(() -> {
                    while (failedAfterKill.get() < 20) {
                        int i = next.getAndIncrement();
                        if (i >= TRAINEES) {
                            return null;
                        }
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/checkin"))
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Cookie", "ntm-device=" + CheckInDuringDatabaseOutageTest.device(i))
                                    .POST(HttpRequest.BodyPublishers.ofString("s=" + ref + "&c=" + codes.current(sessionId, Instant.now())
                                            + "&id=" + URLEncoder.encode(phone(i), StandardCharsets.UTF_8)))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                acknowledged.add(i);
                            }
                        } catch (IOException e) {
                            if (killed.get()) {
                                failedAfterKill.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            while (acknowledged.size() < 60) {
                Thread.sleep(20);
            }
            portal.destroyForcibly();
            killed.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            trainees.shutdown();
            portal.waitFor();

            List<String> recorded = jdbc.queryForList("select p.phone from attendance a join person p on p.id = a.person_id"
                    + " where a.session_id = ?", String.class, sessionId);
            System.out.printf("Killed mid-burst: %d check-ins acknowledged, %d recorded, %d requests failed after the kill%n",
                    acknowledged.size(), recorded.size(), failedAfterKill.get());
            assertThat(acknowledged.size()).isGreaterThanOrEqualTo(60).isLessThan(TRAINEES);
            assertThat(recorded).doesNotHaveDuplicates();
            assertThat(recorded).containsAll(acknowledged.stream().map(PortalKilledMidBurstIT::phone).toList());
        } finally {
            portal.destroyForcibly();
        }
    }

    private long classWithRoster() {
        TestData.signInAsAccount(jdbc, "admin");
        try {
            long muongChien = jdbc.queryForObject("select id from administrative_unit where code = '03688'", Long.class);
            LocalDate today = LocalDate.now(TrainingWorld.ZONE);
            long classId = classes.create(new ClassForm("SL-KILL-" + System.nanoTime() % 1_000_000, "Lớp thử tắt đột ngột", null, null,
                    muongChien, null, OrganisingLevel.COMMUNE, null, DeliveryMode.ONLINE, null, null, today, today, null, null,
                    ClassStatus.RUNNING, 80, List.of())).id();
            long sessionId = sessions.createBulk(classId, today, today, Set.of(SessionPart.MORNING)).getFirst().id();
            for (int i = 0; i < TRAINEES; i++) {
                roster.add(classId, new PersonDetails("Học viên " + i, null, 1985, phone(i), null, muongChien, null, null, null));
            }
            return sessionId;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Process start(Path jar, int port) throws IOException {
        EmbeddedMariaDb db = EmbeddedMariaDb.running().orElseThrow();
        Path log = Path.of("target", "killed-portal.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + EmbeddedMariaDb.APPLICATION,
                "--spring.datasource.password=" + db.applicationPassword(),
                "--spring.flyway.user=" + EmbeddedMariaDb.MIGRATOR,
                "--spring.flyway.password=" + db.migratorPassword(),
                "--portal.checkin.secret=" + SECRET,
                "--portal.checkin.opens-before-minutes=2880",
                "--portal.checkin.closes-after-minutes=2880",
                "--portal.files.dir=" + Path.of("target", "files-killed").toAbsolutePath())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitHealthy(int port, Process portal) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(giveUp)) {
            assertThat(portal.isAlive()).as("the portal process is running (see target/killed-portal.log)").isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the portal did not start within 4 minutes (see target/killed-portal.log)");
    }

    private static Optional<Path> productionJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("ntm-training-portal-.*\\.jar")).findFirst();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String phone(int i) {
        return "0914" + String.format("%06d", i);
    }
}
