package vn.ntm.portal.training;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.embeddeddb.EmbeddedMariaDb;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Trainees keep checking in while the database server is stopped for ten seconds and started again: each of them
 * gets an answer promptly (checked in, or "not recorded, try again" with 503), the portal recovers by itself, and
 * every check-in it acknowledged is in the database afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.checkin.opens-before-minutes=2880", "portal.checkin.closes-after-minutes=2880",
                // the same 300 phones check in again and again to keep the load on through the outage, all from this
                // machine: far more than a phone or an address may (CheckInAbuseTest holds those limits)
                "portal.checkin.limits.check-ins-per-device=100000", "portal.checkin.limits.check-ins-per-address=1000000"})
class CheckInDuringDatabaseOutageTest {

    private static final int TRAINEES = 300;

    @LocalServerPort
    int port;
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
    CheckInCodes codes;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void checkInsDuringATenSecondOutageAreRefusedPromptlyAndNoAcknowledgedOneIsLost() throws Exception {
        assumeTrue(EmbeddedMariaDb.running().isPresent(), "stops and starts the embedded MariaDB server");
        TestData.reset(jdbc);
        TrainingWorld world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        long classId = classes.create(TrainingWorld.form("SL-OUTAGE-01", world.sonLa, TrainingWorld.today(), TrainingWorld.today(),
                List.of(world.trainerSonLa))).id();
        long sessionId = sessions.createBulk(classId, TrainingWorld.today(), TrainingWorld.today(), Set.of(SessionPart.MORNING)).getFirst().id();
        for (int i = 0; i < TRAINEES; i++) {
            roster.add(classId, TrainingWorld.person("Học viên " + i, phone(i)));
        }
        SecurityContextHolder.clearContext();
        String ref = jdbc.queryForObject("select checkin_ref from class_session where id = ?", String.class, sessionId);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, Integer> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger refusedRetryable = new AtomicInteger();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> slowestMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        Instant stopAt = Instant.now().plusSeconds(2);
        // the burst goes on until ten seconds after the server is back (its start takes a while on a busy machine)
        java.util.concurrent.atomic.AtomicReference<Instant> endAt = new java.util.concurrent.atomic.AtomicReference<>(Instant.MAX);

        java.util.concurrent.atomic.AtomicBoolean restarted = new java.util.concurrent.atomic.AtomicBoolean();

        ExecutorService trainees = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            running.add(trainees.submit(() -> {
                while (Instant.now().isBefore(endAt.get())) {
                    // the first half keep checking in until the server is back; then the second half arrive, so that
                    // recovery shows as new records even on a machine fast enough to check everyone in before the outage
                    int half = TRAINEES / 2;
                    int i = next.getAndIncrement() % half + (restarted.get() ? half : 0);
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/checkin"))
                                .timeout(Duration.ofSeconds(20))
                                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "ntm-device=" + device(i))
                                .POST(HttpRequest.BodyPublishers.ofString("s=" + ref + "&c=" + codes.current(sessionId, Instant.now())
                                        + "&id=" + URLEncoder.encode(phone(i), StandardCharsets.UTF_8)))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        slowestMillis.add((System.nanoTime() - started) / 1_000_000);
                        if (response.statusCode() == 200) {
                            acknowledged.merge(i, 1, Integer::sum);
                        } else if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()
                                && response.body().contains("thử lại")) {
                            refusedRetryable.incrementAndGet();
                        } else {
                            unexpected.add(response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length())));
                        }
                    } catch (Exception e) {
                        unexpected.add(e.toString());
                    }
                    Thread.sleep(20);
                }
                return null;
            }));
        }
        EmbeddedMariaDb db = EmbeddedMariaDb.running().orElseThrow();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), stopAt).toMillis()));
        db.db().stop();
        Thread.sleep(10_000);
        db.db().start();
        Instant restartedAt = Instant.now();
        restarted.set(true);
        endAt.set(restartedAt.plusSeconds(10));
        for (Future<?> f : running) {
            f.get();
        }
        trainees.shutdown();

        System.out.printf("Outage burst: %d trainees acknowledged, %d refusals with Retry-After, slowest answer %d ms%n",
                acknowledged.size(), refusedRetryable.get(), slowestMillis.stream().mapToLong(Long::longValue).max().orElse(0));
        assertThat(unexpected).as("answers other than checked in or a retryable refusal").isEmpty();
        assertThat(refusedRetryable.get()).as("check-ins refused while the database was down").isPositive();
        // nobody was left hanging: every answer came well within the client's patience, outage or not
        assertThat(slowestMillis.stream().mapToLong(Long::longValue).max().orElseThrow()).isLessThan(15_000);
        // recovered by itself: check-ins after the restart were acknowledged again
        long afterRestart = jdbc.queryForObject("select count(*) from attendance where session_id = ? and recorded_at > ?", Long.class,
                sessionId, java.sql.Timestamp.from(restartedAt));
        assertThat(afterRestart).as("check-ins recorded after the database came back").isPositive();
        // and every acknowledged check-in is there, once
        List<String> recorded = jdbc.queryForList("select p.phone from attendance a join person p on p.id = a.person_id"
                + " where a.session_id = ? and a.status = 'PRESENT'", String.class, sessionId);
        assertThat(recorded).doesNotHaveDuplicates();
        assertThat(recorded).containsAll(acknowledged.keySet().stream().map(CheckInDuringDatabaseOutageTest::phone).toList());
    }

    private static String phone(int i) {
        return "0913" + String.format("%06d", i);
    }

    /** Each trainee's phone has its own device cookie, as the check-in page gives it. */
    static String device(int i) {
        return String.format("outage%016d", i);
    }
}
