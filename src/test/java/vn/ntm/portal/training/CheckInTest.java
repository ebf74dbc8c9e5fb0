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
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Self check-in through the real HTTP stack: the lightweight page and the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the settable clock in every plain web test, so that they share one application context
@org.springframework.context.annotation.Import(vn.ntm.portal.SettableClock.Config.class)
class CheckInTest {

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

    private final HttpClient http = HttpClient.newHttpClient();
    TrainingWorld world;
    SessionSummary today;
    SessionSummary lastMonth;
    /** The session's reference as the QR code carries it. */
    String ref;
    String lastMonthRef;
    /** This test's phone: its device cookie. */
    String phone;

    @BeforeEach
    void setUp() {
        world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        LocalDate day = TrainingWorld.today();
        ClassSummary c = classes.create(TrainingWorld.form("SL-CHECKIN", world.sonLa, day.minusDays(40), day, List.of(world.trainerSonLa)));
        today = sessions.create(c.id(), day, SessionPart.MORNING, LocalTime.MIN, LocalTime.of(23, 59), DeliveryMode.ONLINE, null);
        lastMonth = sessions.create(c.id(), day.minusDays(30), SessionPart.MORNING, LocalTime.of(7, 30), LocalTime.of(11, 30),
                DeliveryMode.ONLINE, null);
        roster.add(c.id(), TrainingWorld.person("Quàng Thị Lan", "0912000001"));
        roster.add(c.id(), new vn.ntm.portal.person.PersonDetails("Lò Văn Bình", null, 1975, null, "014075000123", null, null, null, null));
        SecurityContextHolder.clearContext();
        ref = reference(today.id());
        lastMonthRef = reference(lastMonth.id());
        phone = newDevice();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void traineeChecksInByPhoneTwiceAndOneRecordIsKept() throws Exception {
        String code = codes.current(today.id(), Instant.now());

        HttpResponse<String> first = post("/checkin", "s=" + ref + "&c=" + code + "&id=" + enc("+84 912 000 001"));
        HttpResponse<String> second = post("/checkin", "s=" + ref + "&c=" + code + "&id=" + enc("0912000001"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Đã điểm danh: Quàng Thị Lan");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Quàng Thị Lan đã điểm danh buổi này rồi.");
        assertThat(attendances()).isEqualTo(1);
    }

    @Test
    void traineeWithoutAPhoneChecksInByNationalId() throws Exception {
        HttpResponse<String> response = post("/checkin", "s=" + ref + "&c=" + codes.current(today.id(), Instant.now())
                + "&id=014075000123");
        assertThat(response.body()).contains("Đã điểm danh: Lò Văn Bình");
        assertThat(attendances()).isEqualTo(1);
    }

    @Test
    void anExpiredOrForgedCodeIsRefusedAndChangesNothing() throws Exception {
        String expired = codes.current(today.id(), Instant.now().minusSeconds(3 * codes.rotationSeconds()));
        String current = codes.current(today.id(), Instant.now());
        String forged = current.equals("123456") ? "654321" : "123456";

        HttpResponse<String> old = post("/checkin", "s=" + ref + "&c=" + expired + "&id=0912000001");
        HttpResponse<String> fake = post("/checkin", "s=" + ref + "&c=" + forged + "&id=0912000001");

        assertThat(old.statusCode()).isEqualTo(422);
        assertThat(old.body()).contains("Mã điểm danh không đúng hoặc đã hết hạn.");
        assertThat(fake.body()).contains("Mã điểm danh không đúng hoặc đã hết hạn.");
        assertThat(attendances()).isZero();
    }

    @Test
    void wrongCheckInCodeKeepsThePhoneNumber() throws Exception {
        String current = codes.current(today.id(), Instant.now());
        String wrong = current.equals("123456") ? "654321" : "123456";

        HttpResponse<String> refused = post("/checkin", "s=" + ref + "&c=" + wrong + "&id=" + enc("0912 000 001"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Mã điểm danh không đúng hoặc đã hết hạn.")
                .contains("name=\"id\" inputmode=\"tel\" autocomplete=\"tel\" required value=\"0912 000 001\"")
                .contains("autofocus value=\"" + wrong + "\"")
                .doesNotContain("<script");
    }

    @Test
    void checkInCodeWithSpaceIsAccepted() throws Exception {
        String code = codes.current(today.id(), Instant.now());
        String asOnTheBoard = code.substring(0, 3) + " " + code.substring(3);

        HttpResponse<String> page = get("/checkin?s=" + ref, null);
        HttpResponse<String> response = post("/checkin", "s=" + ref + "&c=" + enc(" " + asOnTheBoard + " ") + "&id=0912000001");

        // the browser checks the field with this pattern before sending: it lets the board's spacing through
        String pattern = "[\\s.\\-]*([0-9][\\s.\\-]*){6}";
        assertThat(page.body()).contains("pattern=\"" + pattern + "\"");
        assertThat(asOnTheBoard).matches(pattern);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Đã điểm danh: Quàng Thị Lan");
        assertThat(codes.accepts(today.id(), code.substring(0, 3) + "-" + code.substring(3), Instant.now())).isTrue();
        assertThat(codes.accepts(today.id(), code.substring(0, 3) + "x" + code.substring(3), Instant.now())).isFalse();
        assertThat(attendances()).isEqualTo(1);
    }

    @Test
    void checkInOutsideTheSessionWindowIsRefused() throws Exception {
        HttpResponse<String> response = post("/checkin", "s=" + lastMonthRef + "&c=" + codes.current(lastMonth.id(), Instant.now())
                + "&id=0912000001");
        assertThat(response.body()).contains("Chưa đến hoặc đã hết thời gian điểm danh của buổi này.");
        assertThat(attendances()).isZero();
    }

    @Test
    void someoneNotOnTheRosterCanAskToBeAdded() throws Exception {
        String code = codes.current(today.id(), Instant.now());
        HttpResponse<String> response = post("/checkin", "s=" + ref + "&c=" + code + "&id=0977000000");
        assertThat(response.body()).contains("Không tìm thấy học viên với số điện thoại hoặc số CCCD này trong danh sách lớp.")
                .contains("Đề nghị bổ sung vào lớp");

        HttpResponse<String> request = post("/checkin/walk-in", "s=" + ref + "&c=" + code + "&name=" + enc("Vì Văn Mới")
                + "&id=0977000000");

        assertThat(request.body()).contains("Đã gửi đề nghị.");
        assertThat(jdbc.queryForObject("select full_name from walk_in where session_id = ?", String.class, today.id())).isEqualTo("Vì Văn Mới");
        assertThat(attendances()).isZero();

        // the trainer accepts: the walk-in joins the roster and is present; settling twice is refused
        TestData.signInAsAdmin();
        long walkIn = checkIns.walkIns(today.id()).getFirst().id();
        checkIns.settleWalkIn(walkIn, true);
        assertThat(attendances()).isEqualTo(1);
        assertThat(roster.count(today.classId())).isEqualTo(3);
        assertThat(checkIns.walkIns(today.id())).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkIns.settleWalkIn(walkIn, false))
                .isInstanceOf(vn.ntm.portal.common.ValidationException.class).hasMessage("checkin.error.settled");
    }

    @Test
    void theCheckInPageIsSmallPlainHtmlWithoutAVaadinSession() throws Exception {
        HttpResponse<String> page = get("/checkin?s=" + ref + "&c=" + codes.current(today.id(), Instant.now()), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(30 * 1024);
        assertThat(page.body()).contains("Lớp tập huấn SL-CHECKIN").doesNotContain("<script").doesNotContainIgnoringCase("vaadin");
        // no server session; the only cookie is the phone's device id for the abuse limits, on the check-in page only
        assertThat(page.headers().allValues("Set-Cookie")).singleElement().asString()
                .startsWith("ntm-device=").contains("Path=/checkin").contains("HttpOnly").doesNotContain("JSESSIONID");
    }

    @Test
    void machineClientsCheckInThroughTheApi() throws Exception {
        String code = codes.current(today.id(), Instant.now());
        String body = "{\"code\":\"" + code + "\",\"phone\":\"0912 000 001\"}";

        HttpResponse<String> first = postJson("/api/v1/sessions/" + today.id() + "/check-ins", body, "gv.sonla");
        HttpResponse<String> again = postJson("/api/v1/sessions/" + today.id() + "/check-ins", body, "gv.sonla");
        HttpResponse<String> anonymous = postJson("/api/v1/sessions/" + today.id() + "/check-ins", body, null);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("\"outcome\":\"CHECKED_IN\"");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("ALREADY_CHECKED_IN");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(attendances()).isEqualTo(1);
    }

    private String reference(long sessionId) {
        return jdbc.queryForObject("select checkin_ref from class_session where id = ?", String.class, sessionId);
    }

    /** A new phone: a device cookie of the form the check-in page issues. */
    static String newDevice() {
        byte[] id = new byte[16];
        new java.security.SecureRandom().nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private long attendances() {
        return jdbc.queryForObject("select count(*) from attendance", Long.class);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return post(path, form, phone);
    }

    private HttpResponse<String> post(String path, String form, String device) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "ntm-device=" + device)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String json, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + ViewTestData.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
