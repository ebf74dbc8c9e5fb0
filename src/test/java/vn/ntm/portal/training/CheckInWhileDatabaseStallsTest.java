package vn.ntm.portal.training;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A database that stalls (a table locked by someone else, a frozen server) used to hold check-ins and the health
 * check for as long as it stalled. Now it gets the same prompt answer as a database that is down: 503 with
 * Retry-After, within a few seconds, and the portal recovers by itself when the stall ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.checkin.opens-before-minutes=2880", "portal.checkin.closes-after-minutes=2880"})
class CheckInWhileDatabaseStallsTest {

    /** The statement limit (10 s) plus the time to answer, on a busy machine; the stall itself lasts until released. */
    private static final Duration PROMPT = Duration.ofSeconds(15);

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

    private String reference;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCheckInWhileTheAttendanceTableIsLockedIsRefusedPromptlyWithRetryAfter() throws Exception {
        assumeTrue(EmbeddedMariaDb.running().isPresent(), "locks a table of the embedded MariaDB as its owner");
        long sessionId = sessionWithTrainees();
        EmbeddedMariaDb db = EmbeddedMariaDb.running().orElseThrow();

        try (Connection locker = new DriverManagerDataSource(db.jdbcUrl(), EmbeddedMariaDb.MIGRATOR, db.migratorPassword()).getConnection();
             Statement st = locker.createStatement()) {
            st.execute("lock tables attendance write");
            Answer stalled = checkIn(sessionId, 1);
            assertThat(stalled.status()).as(stalled.body()).isEqualTo(503);
            assertThat(stalled.retryAfter()).isTrue();
            assertThat(stalled.took()).isLessThan(PROMPT);
            st.execute("unlock tables");
        }

        Answer after = checkIn(sessionId, 2);
        assertThat(after.status()).as("checked in again once the lock is gone: " + after.body()).isEqualTo(200);
    }

    @Test
    void aFrozenDatabaseServerGivesPromptRefusalsAndAnUnhealthyStatusNotAHang() throws Exception {
        assumeTrue(EmbeddedMariaDb.running().isPresent(), "freezes the embedded MariaDB process");
        long sessionId = sessionWithTrainees();
        String pidFile = jdbc.queryForObject("select @@pid_file", String.class);
        String pid = Files.readString(Path.of(pidFile)).strip();

        Answer checkIn;
        Answer health;
        String code = codes.current(sessionId, Instant.now());
        signal("STOP", pid);
        try {
            // both at once, as a load balancer's poll meets trainees' check-ins: Spring Boot's own database check
            // waited without limit on a connection the pool had just handed out
            CompletableFuture<Answer> asked = CompletableFuture.supplyAsync(() -> answer(() -> get("/actuator/health")));
            checkIn = checkIn(code, 3);
            health = asked.get();
        } finally {
            signal("CONT", pid);
        }

        assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(503);
        assertThat(checkIn.retryAfter()).isTrue();
        assertThat(checkIn.took()).isLessThan(PROMPT);
        assertThat(health.status()).as(health.body()).isEqualTo(503);
        assertThat(health.took()).isLessThan(PROMPT);
        // back by itself
        Instant giveUp = Instant.now().plusSeconds(30);
        Answer again = checkIn(sessionId, 4);
        while (again.status() != 200 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
            again = checkIn(sessionId, 4);
        }
        assertThat(again.status()).as(again.body()).isEqualTo(200);
    }

    private long sessionWithTrainees() {
        TestData.reset(jdbc);
        TrainingWorld world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        long classId = classes.create(TrainingWorld.form("SL-STALL-01", world.sonLa, TrainingWorld.today(), TrainingWorld.today(),
                List.of(world.trainerSonLa))).id();
        long sessionId = sessions.createBulk(classId, TrainingWorld.today(), TrainingWorld.today(), Set.of(SessionPart.MORNING)).getFirst().id();
        for (int i = 0; i < 5; i++) {
            roster.add(classId, TrainingWorld.person("Học viên " + i, phone(i)));
        }
        SecurityContextHolder.clearContext();
        // read before any stall: the page names the session by its reference, never by its id
        reference = jdbc.queryForObject("select checkin_ref from class_session where id = ?", String.class, sessionId);
        return sessionId;
    }

    private record Answer(int status, String body, boolean retryAfter, Duration took) {
    }

    private Answer checkIn(long sessionId, int trainee) throws Exception {
        return checkIn(codes.current(sessionId, Instant.now()), trainee);
    }

    /** With the code read beforehand: the check-in key lives in the database, which may be the thing that stalls. */
    private Answer checkIn(String code, int trainee) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/checkin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("s=" + reference + "&c=" + code
                        + "&id=" + URLEncoder.encode(phone(trainee), StandardCharsets.UTF_8))));
    }

    private static Answer answer(Callable<Answer> request) {
        try {
            return request.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").isPresent(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static void signal(String signal, String pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private static String phone(int i) {
        return "0915" + String.format("%06d", i);
    }
}
