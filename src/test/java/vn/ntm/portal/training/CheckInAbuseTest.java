package vn.ntm.portal.training;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attacks of issue 11 on self check-in, replayed over HTTP against the real stack: looking up a stranger's name
 * by number, guessing codes, checking in a roster or flooding walk-ins from one client, a walk-in with someone
 * else's phone, counting session ids, malformed and oversized requests. Each one must no longer get through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the settable clock in every plain web test, so that they share one application context
@org.springframework.context.annotation.Import(vn.ntm.portal.SettableClock.Config.class)
class CheckInAbuseTest {

    static final String STRANGER = "Nguyễn Thị Xa";
    static final String STRANGER_PHONE = "0987654321";
    static final String STRANGER_ID = "042190000111";

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
    @Autowired
    CheckInService checkIns;
    @Autowired
    vn.ntm.portal.SettableClock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    TrainingWorld world;
    SessionSummary today;
    ClassSummary sonLaClass;
    String ref;
    long strangerId;

    @BeforeEach
    void setUp() {
        world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        LocalDate day = TrainingWorld.today();
        sonLaClass = classes.create(TrainingWorld.form("SL-ABUSE", world.sonLa, day, day, List.of(world.trainerSonLa)));
        today = sessions.create(sonLaClass.id(), day, SessionPart.MORNING, LocalTime.MIN, LocalTime.of(23, 59), DeliveryMode.ONLINE, null);
        roster.add(sonLaClass.id(), TrainingWorld.person("Quàng Thị Lan", "0912000001"));
        // someone of another province, on another class's roster: the check-in of the Sơn La class must not know them
        ClassSummary haTinhClass = classes.create(TrainingWorld.form("HT-OTHER", world.haTinh, day, day, List.of()));
        strangerId = roster.add(haTinhClass.id(), new PersonDetails(STRANGER, null, 1990, STRANGER_PHONE, STRANGER_ID, null, null, null, null));
        SecurityContextHolder.clearContext();
        ref = jdbc.queryForObject("select checkin_ref from class_session where id = ?", String.class, today.id());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    @Test
    void aNumberNotOnThisRosterGetsOneNeutralAnswerThatNamesNobody() throws Exception {
        String device = CheckInTest.newDevice();
        HttpResponse<String> strangersPhone = post("/checkin", form(ref, code(), STRANGER_PHONE), device);
        HttpResponse<String> strangersId = post("/checkin", form(ref, code(), STRANGER_ID), device);
        HttpResponse<String> nobodysPhone = post("/checkin", form(ref, code(), "0977000000"), device);

        for (HttpResponse<String> answer : List.of(strangersPhone, strangersId, nobodysPhone)) {
            assertThat(answer.statusCode()).isEqualTo(422);
            assertThat(answer.body()).contains("Không tìm thấy học viên với số điện thoại hoặc số CCCD này trong danh sách lớp.")
                    .doesNotContain(STRANGER);
        }
        // the same page whoever the number belongs to (apart from the number itself, offered back in the walk-in form)
        assertThat(strangersPhone.body().replace(STRANGER_PHONE, "N")).isEqualTo(nobodysPhone.body().replace("0977000000", "N"));

        // the API answers any signed-in account alike, and names nobody
        String api = "/api/v1/sessions/" + ref + "/check-ins";
        HttpResponse<String> apiStranger = postJson(api, "{\"code\":\"" + code() + "\",\"phone\":\"" + STRANGER_PHONE + "\"}", "hv.hatinh");
        HttpResponse<String> apiNobody = postJson(api, "{\"code\":\"" + code() + "\",\"phone\":\"0977000000\"}", "hv.hatinh");
        assertThat(apiStranger.statusCode()).isEqualTo(422);
        assertThat(apiStranger.body()).isEqualTo(apiNobody.body()).contains("\"outcome\":\"NOT_ON_ROSTER\"").contains("\"person\":\"\"")
                .doesNotContain(STRANGER);
        assertThat(attendances()).isZero();
    }

    @Test
    void guessingTheCodeIsRefusedAfterTenWrongCodesFromOnePhoneAndSixtyFromOneAddress() throws Exception {
        String guesser = CheckInTest.newDevice();
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(post("/checkin", form(ref, wrongCode(i), "0912000001"), guesser).statusCode());
        }
        assertThat(answers.subList(0, 10)).containsOnly(422);
        assertThat(answers.subList(10, 12)).containsOnly(429);
        // once refused, even the right code is: otherwise the refusal would only tell which guess was right
        HttpResponse<String> right = post("/checkin", form(ref, code(), "0912000001"), guesser);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        assertThat(right.body()).contains("đã thử quá nhiều lần");
        assertThat(attendances()).isZero();

        // another phone on the same Wi-Fi is not held up by one person's typos
        assertThat(post("/checkin", form(ref, code(), "0912000001"), CheckInTest.newDevice()).statusCode()).isEqualTo(200);

        // a script with a fresh cookie for every guess is stopped by the address: 60 wrong codes per ten minutes
        int refused = 0;
        for (int i = 0; i < 60; i++) {
            if (post("/checkin", form(ref, wrongCode(i), "0912000001"), CheckInTest.newDevice()).statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(10);
        TestData.signInAsAdmin();
        assertThat(checkIns.board(today.id()).refusedAttempts()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void onePhoneChecksInAtMostFifteenPeopleAScriptOneHundredFiftyAndTheBoardWarnsTheTrainer() throws Exception {
        // time stands still: the limits count in ten-minute windows, and a run crossing the edge of one would see
        // the sliding estimate's rounding rather than the limit
        clock.setInstant(Instant.now());
        addToRoster(170);
        String sharedPhone = CheckInTest.newDevice();
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            answers.add(post("/checkin", form(ref, code(), phone(i)), sharedPhone).statusCode());
        }
        assertThat(answers.subList(0, 15)).containsOnly(200);
        assertThat(answers.subList(15, 17)).containsOnly(429);
        TestData.signInAsAdmin();
        CheckInBoard board = checkIns.board(today.id());
        assertThat(board.busiestDevice()).isEqualTo(15);
        assertThat(board.checkedIn()).isEqualTo(15);
        SecurityContextHolder.clearContext();

        // without cookies all such requests of one address count as one phone
        int cookieless = 0;
        for (int i = 20; i < 40; i++) {
            if (post("/checkin", form(ref, code(), phone(i)), null).statusCode() == 200) {
                cookieless++;
            }
        }
        assertThat(cookieless).isEqualTo(15);

        // with a fresh cookie for each: 150 per address per ten minutes (15 + 15 already)
        int accepted = 0;
        for (int i = 40; i < 170; i++) {
            if (post("/checkin", form(ref, code(), phone(i)), CheckInTest.newDevice()).statusCode() == 200) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(120);
        assertThat(attendances()).isEqualTo(150);
    }

    @Test
    void aTraineeAccountOfTheApiIsHeldToOnePhonesLimitsButStaffIntegrationsAreNot() throws Exception {
        addToRoster(20);
        String api = "/api/v1/sessions/" + ref + "/check-ins";
        int trainee = 0;
        for (int i = 0; i < 17; i++) {
            if (postJson(api, "{\"code\":\"" + code() + "\",\"phone\":\"" + phone(i) + "\"}", "hv.sonla").statusCode() == 201) {
                trainee++;
            }
        }
        assertThat(trainee).isEqualTo(15);
        for (int i = 15; i < 20; i++) {
            assertThat(postJson(api, "{\"code\":\"" + code() + "\",\"phone\":\"" + phone(i) + "\"}", "gv.sonla").statusCode()).isEqualTo(201);
        }
        // a trainee's client cannot name sessions by their sequential id; staff may
        String byId = "/api/v1/sessions/" + today.id() + "/check-ins";
        assertThat(postJson(byId, "{\"code\":\"" + code() + "\",\"phone\":\"0912000001\"}", "hv.sonla").statusCode()).isEqualTo(404);
        assertThat(postJson(byId, "{\"code\":\"" + code() + "\",\"phone\":\"0912000001\"}", "gv.sonla").statusCode()).isEqualTo(201);
        assertThat(attendances()).isEqualTo(21);
    }

    @Test
    void walkInsAreLimitedToThreePerPhoneAndTwentyPerAddress() throws Exception {
        String phone = CheckInTest.newDevice();
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(post("/checkin/walk-in", walkIn(ref, code(), "Người Lạ " + i, "09770000" + (10 + i)), phone).statusCode());
        }
        assertThat(answers).containsExactly(200, 200, 200, 429);
        int accepted = 0;
        for (int i = 0; i < 20; i++) {
            if (post("/checkin/walk-in", walkIn(ref, code(), "Người Khác " + i, "09780000" + (10 + i)), CheckInTest.newDevice()).statusCode() == 200) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(17);
        assertThat(jdbc.queryForObject("select count(*) from walk_in where session_id = ?", Long.class, today.id())).isEqualTo(20);
    }

    @Test
    void aWalkInWithAStrangersPhoneShowsTheMismatchAndTheTrainerChooses() throws Exception {
        assertThat(post("/checkin/walk-in", walkIn(ref, code(), "Người Lạ Walkin", STRANGER_PHONE), CheckInTest.newDevice()).statusCode())
                .isEqualTo(200);
        TestData.signInAsAdmin();
        WalkInRequest request = checkIns.walkIns(today.id()).getFirst();
        assertThat(request.typedName()).isEqualTo("Người Lạ Walkin");
        assertThat(request.match()).isEqualTo(WalkInRequest.Match.NAME_DIFFERS);
        // enough to ask the person in front of you, not the stranger's name
        assertThat(request.matchedInitials()).isEqualTo("N. T. X.");

        // accepting without choosing is refused and changes nothing
        assertThatThrownBy(() -> checkIns.settleWalkIn(request.id(), true)).isInstanceOf(ValidationException.class)
                .hasMessage("checkin.error.walkInChoose");
        assertThat(checkIns.walkIns(today.id())).hasSize(1);
        assertThat(onRoster(strangerId)).isFalse();

        // the trainer adds a new person with the typed details: the Hà Tĩnh person stays off the Sơn La roster
        checkIns.settleWalkIn(request.id(), WalkInRequest.Decision.ADD_AS_NEW);
        assertThat(onRoster(strangerId)).isFalse();
        assertThat(jdbc.queryForList("select p.full_name from roster_entry r join person p on p.id = r.person_id where r.class_id = ?",
                String.class, sonLaClass.id())).containsExactlyInAnyOrder("Quàng Thị Lan", "Người Lạ Walkin");
        assertThat(attendances()).isEqualTo(1);

        // or, when the person says it is them after all, the recorded person, unchanged
        SecurityContextHolder.clearContext();
        post("/checkin/walk-in", walkIn(ref, code(), "Người Lạ Walkin", STRANGER_ID), CheckInTest.newDevice());
        TestData.signInAsAdmin();
        checkIns.settleWalkIn(checkIns.walkIns(today.id()).getFirst().id(), WalkInRequest.Decision.ADD_MATCHED);
        assertThat(onRoster(strangerId)).isTrue();
        assertThat(jdbc.queryForObject("select full_name from person where id = ?", String.class, strangerId)).isEqualTo(STRANGER);
    }

    @Test
    void aWalkInOfARecordedPersonWithTheSameNameAddsThatPersonAndNamesAreCleanedOnArrival() throws Exception {
        // typed with a right-to-left override, a zero-width space and decomposed diacritics, as pasted on a phone
        String typed = "\u202E" + java.text.Normalizer.normalize("Nguyễn Thị\u200B Xa", java.text.Normalizer.Form.NFD);
        post("/checkin/walk-in", walkIn(ref, code(), typed, STRANGER_PHONE), CheckInTest.newDevice());

        assertThat(jdbc.queryForObject("select full_name from walk_in where session_id = ?", String.class, today.id())).isEqualTo(STRANGER);
        TestData.signInAsAdmin();
        WalkInRequest request = checkIns.walkIns(today.id()).getFirst();
        assertThat(request.match()).isEqualTo(WalkInRequest.Match.SAME_PERSON);
        assertThat(request.matchedInitials()).isNull();
        checkIns.settleWalkIn(request.id(), true);
        assertThat(onRoster(strangerId)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(2);
    }

    @Test
    void theCheckInPageNeedsTheSessionsReferenceNotItsSequentialId() throws Exception {
        HttpResponse<String> byId = get("/checkin?s=" + today.id());
        HttpResponse<String> postById = post("/checkin", "s=" + today.id() + "&c=" + code() + "&id=0912000001", CheckInTest.newDevice());
        HttpResponse<String> byRef = get("/checkin?s=" + ref);

        assertThat(byId.statusCode()).isEqualTo(404);
        assertThat(byId.body()).contains("Không tìm thấy buổi học.").doesNotContain("SL-ABUSE");
        assertThat(postById.statusCode()).isEqualTo(404);
        assertThat(postById.body()).doesNotContain("SL-ABUSE");
        assertThat(byRef.statusCode()).isEqualTo(200);
        assertThat(byRef.body()).contains("Lớp tập huấn SL-ABUSE");
        assertThat(ref).matches("[A-Za-z0-9_-]{22}");
        assertThat(attendances()).isZero();
        // the QR code of the trainer's board carries the reference; so does a session created by plain SQL
        TestData.signInAsAdmin();
        assertThat(checkIns.board(today.id()).session().reference()).isEqualTo(ref);
        jdbc.update("insert into class_session (class_id, session_date, part, starts_at, ends_at, delivery_mode) "
                + "values (?, ?, 'EVENING', '18:00', '20:00', 'ONLINE')", sonLaClass.id(), TrainingWorld.today());
        assertThat(jdbc.queryForObject("select count(distinct checkin_ref) from class_session where class_id = ?", Long.class,
                sonLaClass.id())).isEqualTo(2);
    }

    @Test
    void malformedRequestsGetThePageOrASmallJsonErrorInTheReadersLanguage() throws Exception {
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(uri("/checkin")).header("Content-Type", "application/json")
                .header("Cookie", "portal-lang=en").POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(json.body()).contains("The check-in request was not understood.");

        HttpResponse<String> noSession = post("/checkin/walk-in", "name=x", CheckInTest.newDevice());
        assertThat(noSession.statusCode()).isEqualTo(404);
        assertThat(noSession.body()).contains("Không tìm thấy buổi học.").startsWith("<!doctype html>");

        String api = "/api/v1/sessions/" + ref + "/check-ins";
        HttpResponse<String> broken = http.send(apiRequest(api, "hv.sonla").header("Content-Type", "application/json")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString("{\"code\":")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("\"outcome\":\"MALFORMED\"").contains("Malformed request").doesNotContain("timestamp");
        HttpResponse<String> text = http.send(apiRequest(api, "hv.sonla").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("Yêu cầu không đúng dạng");
    }

    @Test
    void bodiesOverFourKilobytesAreRefusedEarly() throws Exception {
        String big = "{\"code\":\"123456\",\"phone\":\"" + "9".repeat(10_000) + "\"}";
        String api = "/api/v1/sessions/" + today.id() + "/check-ins";
        HttpResponse<String> signedIn = postJson(api, big, "hv.sonla");
        HttpResponse<String> anonymous = postJson(api, big, null);
        HttpResponse<String> chunked = http.send(apiRequest(api, "hv.sonla").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> form = post("/checkin", "s=" + ref + "&c=123456&id=" + "9".repeat(10_000), CheckInTest.newDevice());

        assertThat(signedIn.statusCode()).isEqualTo(413);
        assertThat(signedIn.body()).contains("TOO_LARGE");
        // refused before the password is even checked
        assertThat(anonymous.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(form.statusCode()).isEqualTo(413);
        assertThat(form.body()).contains("Yêu cầu điểm danh quá lớn.");
    }

    private void addToRoster(int n) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[]{"Học viên " + i, phone(i), now});
        }
        jdbc.batchUpdate("insert into person (full_name, phone, created_at) values (?, ?, ?)", rows);
        jdbc.update("insert into roster_entry (class_id, person_id, source, created_at) select ?, id, 'IMPORT', ? from person "
                + "where full_name like 'Học viên %'", sonLaClass.id(), now);
    }

    private static String phone(int i) {
        return String.format("0913%06d", i);
    }

    private boolean onRoster(long personId) {
        return jdbc.queryForObject("select count(*) from roster_entry where class_id = ? and person_id = ?", Long.class,
                sonLaClass.id(), personId) == 1;
    }

    private String code() {
        return codes.current(today.id(), clock.instant());
    }

    /** A wrong code: never the current or the previous one. */
    private String wrongCode(int i) {
        String c;
        int n = i;
        do {
            c = String.format("%06d", (n++ * 7919 + 13) % 1_000_000);
        } while (codes.accepts(today.id(), c, clock.instant()));
        return c;
    }

    private static String form(String ref, String code, String identifier) {
        return "s=" + ref + "&c=" + code + "&id=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8);
    }

    private static String walkIn(String ref, String code, String name, String identifier) {
        return form(ref, code, identifier) + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private long attendances() {
        return jdbc.queryForObject("select count(*) from attendance", Long.class);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String device) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded");
        if (device != null) {
            request.header("Cookie", "ntm-device=" + device);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder apiRequest(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + ViewTestData.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private HttpResponse<String> postJson(String path, String json, String user) throws Exception {
        return http.send(apiRequest(path, user).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
