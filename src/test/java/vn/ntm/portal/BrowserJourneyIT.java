package vn.ntm.portal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What a newcomer does in a real browser, against the portal with its demo data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the demo class runs today and tomorrow; keep its check-in open whatever time of day the tests run
        properties = {"portal.checkin.opens-before-minutes=2880", "portal.checkin.closes-after-minutes=2880"})
@ActiveProfiles("demo")
class BrowserJourneyIT {

    private static final String PASSWORD = "Demo@2026";
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    vn.ntm.portal.unit.UnitDirectory units;
    @org.springframework.beans.factory.annotation.Autowired
    vn.ntm.portal.training.ClassService classes;
    @org.springframework.beans.factory.annotation.Autowired
    vn.ntm.portal.training.SessionService sessions;
    @org.springframework.beans.factory.annotation.Autowired
    vn.ntm.portal.training.RosterService roster;
    @org.springframework.beans.factory.annotation.Autowired
    vn.ntm.portal.training.AttendanceService attendance;
    @org.springframework.beans.factory.annotation.Autowired
    vn.ntm.portal.training.CheckInCodes checkInCodes;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void startBrowser() {
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.chromium(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closePage(TestInfo test) throws Exception {
        Files.createDirectories(Path.of("target/playwright"));
        // file names stay well under the file system's 255 bytes, however long the parameters
        String name = (test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test") + "_" + test.getDisplayName())
                .replaceAll("[^A-Za-z0-9]+", "_");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/playwright/"
                + name.substring(0, Math.min(name.length(), 120)) + ".png")));
        context.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "admin;Trang chủ|Học trực tuyến|Việc học của tôi|Lớp tập huấn|Đơn vị hành chính|Cơ quan, tổ chức|Học viên (hồ sơ)|Tài khoản|Báo cáo, thống kê|Kế hoạch đào tạo|Kết quả học trực tuyến|Soạn chương trình|Nhật ký thay đổi|Đổi mật khẩu;Bạn quản trị toàn bộ cổng tập huấn.",
            "dieuphoi.sonla;Trang chủ|Học trực tuyến|Việc học của tôi|Lớp tập huấn|Đơn vị hành chính|Cơ quan, tổ chức|Học viên (hồ sơ)|Tài khoản|Báo cáo, thống kê|Kế hoạch đào tạo|Kết quả học trực tuyến|Soạn chương trình|Nhật ký thay đổi|Đổi mật khẩu;Bạn điều phối tập huấn của Sơn La và các đơn vị trực thuộc.",
            "dieuphoi.camxuyen;Trang chủ|Học trực tuyến|Việc học của tôi|Lớp tập huấn|Đơn vị hành chính|Cơ quan, tổ chức|Học viên (hồ sơ)|Tài khoản|Báo cáo, thống kê|Kế hoạch đào tạo|Kết quả học trực tuyến|Soạn chương trình|Nhật ký thay đổi|Đổi mật khẩu;Bạn điều phối tập huấn của Cẩm Xuyên và các đơn vị trực thuộc.",
            "giangvien;Trang chủ|Học trực tuyến|Việc học của tôi|Lớp tập huấn|Báo cáo, thống kê|Soạn chương trình|Đổi mật khẩu;Bạn là giảng viên thuộc Sơn La.",
            "hocvien;Trang chủ|Học trực tuyến|Việc học của tôi|Lớp đang mở|Chứng nhận của tôi|Đổi mật khẩu;Bạn là học viên tại Mường Chiên."})
    void eachDemoAccountSignsInAndSeesTheNavigationOfItsRole(String username, String navigation, String roleLine) {
        signIn(username, PASSWORD);

        assertThat(page.locator("#home-role")).hasText(roleLine);
        assertThat(page.locator("vaadin-side-nav-item")).hasCount(navigation.split("\\|").length);
        List<String> labels = page.locator("vaadin-side-nav-item").allInnerTexts().stream().map(String::strip).toList();
        assertThat(labels).containsExactly(navigation.split("\\|"));
    }

    @Test
    void loginPageIsVietnameseAndAWrongPasswordGetsTheSameAnswerAsAnUnknownAccount() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
        assertThat(page.locator("main")).containsText("Đăng nhập");

        signInExpectingFailure("giangvien", "sai-mat-khau-1");
        String wrongPassword = page.locator("#login-error").innerText();
        signInExpectingFailure("khong-ton-tai", "sai-mat-khau-1");
        String unknownAccount = page.locator("#login-error").innerText();

        assertThat(wrongPassword).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
        assertThat(unknownAccount).isEqualTo(wrongPassword);
    }

    @Test
    void administratorImportsTheOfficialListTwiceAndSees34ProvincesAnd3321Communes() {
        Path file = Path.of(System.getProperty("portal.shared-dir", "../shared"), "data/vn-admin-units/vn-units-2026-07-25.json");
        assumeTrue(Files.exists(file), "the official list is kept beside the project in ../shared");
        signIn("admin", PASSWORD);
        page.navigate(url("/units"));

        for (String expected : List.of("Đã nhập 3.355 đơn vị: ", "Đã nhập 3.355 đơn vị: 0 mới, 0 cập nhật, 3.355 không đổi.")) {
            page.locator("#import-units").click();
            page.locator("#unit-upload input[type='file']").setInputFiles(file);
            assertThat(page.locator("#import-status")).containsText(expected, new com.microsoft.playwright.assertions.LocatorAssertions
                    .ContainsTextOptions().setTimeout(120_000));
            page.locator("#close-import").click();
            assertThat(page.locator("#province-count")).hasText("34 tỉnh, thành phố");
            assertThat(page.locator("#commune-count")).hasText("3.321 xã, phường, đặc khu");
        }
    }

    @Test
    void aBadFileIsRefusedWithItsProblemsListed() throws Exception {
        signIn("admin", PASSWORD);
        page.navigate(url("/units"));
        Path bad = Files.createTempFile("units", ".csv");
        Files.writeString(bad, "code,name,kind,parent_code\n14,Sơn La,tỉnh,\n99001,Xã Lạ,xã,77\n");

        page.locator("#import-units").click();
        page.locator("#unit-upload input[type='file']").setInputFiles(bad);

        assertThat(page.locator("#import-status")).containsText("Tệp bị từ chối, không dữ liệu nào được lưu.");
        assertThat(page.locator("#import-problems")).containsText("Không tìm thấy đơn vị cấp trên có mã 77.");
    }

    @Test
    void traineeRegistersOnA360PixelPhoneAndSignsInWithTheirPhoneNumber() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true).setHasTouch(true));
        page = context.newPage();
        page.navigate(url("/login"));
        page.locator("#register-link").click();

        page.locator("#fullName input").fill("Quàng Thị Lan");
        page.locator("#phone input").fill("+84 966 123 456");
        page.locator("#province").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Sơn La")).click();
        page.locator("#commune input").fill("Mường");
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Mường Chiên")).click();
        page.locator("#level").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Cán bộ thôn, bản")).click();
        page.locator("#password input").fill("Lan2026abc");
        page.locator("#confirm input").fill("Lan2026abc");
        assertThat(horizontalOverflow()).isFalse();
        page.locator("#register-submit").click();

        assertThat(page.locator("#registered")).containsText("Đã nhận đăng ký.");
        signIn("0966 123 456", "Lan2026abc");
        assertThat(page.locator("#home-role")).hasText("Bạn là học viên tại Mường Chiên.");
        assertThat(horizontalOverflow()).isFalse();
    }

    @Test
    void englishCanBeChosenAndIsRemembered() {
        page.navigate(url("/login"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();

        assertThat(page.locator("main")).containsText("Sign in");
        page.navigate(url("/register"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Trainee registration"))).isVisible();
    }

    @Test
    void trainerTakesAttendanceInTheGridAndTheCountsFollow() {
        signIn("giangvien", PASSWORD);
        page.navigate(url("/classes"));
        page.locator("#classes").getByText("SL-2026-CĐS-01").click();
        // other tests may have added marks to the demo class: compare with the counts before
        int attendancesBefore = Integer.parseInt(page.locator("#count-sessionAttendances").innerText().replaceAll("\\D", ""));
        String participationsBefore = page.locator("#count-participations").innerText();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Điểm danh")).click();
        // Cầm Văn Cường was present in the morning; the trainer marks him late for the afternoon
        page.locator("vaadin-select[data-cell^='Cầm Văn Cường|" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                + "|AFTERNOON']").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Đến muộn")).click();
        assertThat(page.locator("vaadin-notification-card")).hasCount(0);

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Tổng quan")).click();
        assertThat(page.locator("#count-enrolments")).hasText("12");
        assertThat(page.locator("#count-sessionAttendances")).hasText(String.valueOf(attendancesBefore + 1));
        assertThat(page.locator("#count-participations")).hasText(participationsBefore);
    }

    @Test
    void traineesCheckInOnPhonesWithTheRotatingCodeOnceEach() {
        signIn("giangvien", PASSWORD);
        page.navigate(url("/classes"));
        page.locator("#classes").getByText("SL-2026-CĐS-01").click();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Buổi học")).click();
        // tomorrow afternoon: no other test marks that session
        java.time.LocalDate tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1);
        page.locator("vaadin-button[data-slot='" + tomorrow + "|AFTERNOON']").click();
        page.waitForURL(u -> u.contains("/sessions/check-in/"));
        String code = page.locator("#check-in-code").innerText().replaceAll("\\D", "");
        assertThat(code).hasSize(6);
        String sessionUrl = page.url();
        long sessionId = Long.parseLong(sessionUrl.substring(sessionUrl.lastIndexOf('/') + 1));
        assertThat(page.locator("#check-in-counter")).containsText("0 / 12");
        // the board's address names the session by its unguessable reference; the id opens nothing
        String ref = checkInReference(page);
        BrowserContext stranger = browser.newContext();
        Page byId = stranger.newPage();
        byId.navigate(url("/checkin?s=" + sessionId));
        assertThat(byId.locator("p.err")).containsText("Không tìm thấy buổi học");
        assertThat(byId.locator("body")).not().containsText("SL-2026");
        stranger.close();

        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true));
        Page trainee = phone.newPage();
        for (String attempt : List.of("0912 345 001", "0912345001")) {
            trainee.navigate(url("/checkin?s=" + ref + "&c=" + code));
            trainee.locator("#id").fill(attempt);
            trainee.locator("button").click();
        }
        assertThat(trainee.locator("p.ok")).containsText("đã điểm danh buổi này rồi");
        trainee.navigate(url("/checkin?s=" + ref + "&c=000000"));
        trainee.locator("#id").fill("0912345002");
        trainee.locator("button").click();
        assertThat(trainee.locator("p.err")).containsText("Mã điểm danh không đúng hoặc đã hết hạn");
        phone.close();

        assertThat(page.locator("#check-in-counter")).containsText("1 / 12", new com.microsoft.playwright.assertions.LocatorAssertions
                .ContainsTextOptions().setTimeout(10_000));
    }

    @Test
    void fiftyTraineesCheckInOnPhonesOneTwiceOneWithAnExpiredCodeAndTheClassCountsAreRight() {
        vn.ntm.portal.TestData.signInAsAdmin();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        long unit = units.findByCode("14").orElseThrow().id();
        vn.ntm.portal.training.ClassSummary c = classes.create(new vn.ntm.portal.training.ClassForm("SL-50", "Tập huấn trực tuyến 50 học viên",
                null, null, unit, null, vn.ntm.portal.training.OrganisingLevel.PROVINCE, null, vn.ntm.portal.training.DeliveryMode.ONLINE,
                null, null, today, today.plusDays(1), null, null, vn.ntm.portal.training.ClassStatus.RUNNING, 80, List.of()));
        List<vn.ntm.portal.training.SessionSummary> four = sessions.createBulk(c.id(), today, today.plusDays(1),
                java.util.EnumSet.of(vn.ntm.portal.training.SessionPart.MORNING, vn.ntm.portal.training.SessionPart.AFTERNOON));
        for (int i = 0; i < 50; i++) {
            roster.add(c.id(), new vn.ntm.portal.person.PersonDetails("Học viên trực tuyến " + i, null, 1980, String.format("0977%06d", i),
                    null, null, null, null, null));
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        long second = four.get(1).id();
        signIn("admin", PASSWORD);
        page.navigate(url("/sessions/check-in/" + second));
        String code = page.locator("#check-in-code").innerText().replaceAll("\\D", "");
        String ref = checkInReference(page);
        String expired = checkInCodes.current(second, java.time.Instant.now().minusSeconds(5 * checkInCodes.rotationSeconds()));

        for (int i = 0; i < 50; i++) {
            BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true));
            Page trainee = phone.newPage();
            boolean late = i == 7;
            trainee.navigate(url("/checkin?s=" + ref + "&c=" + (late ? expired : code)));
            trainee.locator("#id").fill(String.format("0977%06d", i));
            trainee.locator("button").click();
            if (late) {
                assertThat(trainee.locator("p.err")).containsText("Mã điểm danh không đúng hoặc đã hết hạn");
            } else {
                assertThat(trainee.locator("p.ok")).containsText("Đã điểm danh");
            }
            if (i == 3) {
                trainee.navigate(url("/checkin?s=" + ref + "&c=" + code));
                trainee.locator("#id").fill(String.format("0977%06d", i));
                trainee.locator("button").click();
                assertThat(trainee.locator("p.ok")).containsText("đã điểm danh buổi này rồi");
            }
            phone.close();
            if (i % 10 == 9) {
                code = page.locator("#check-in-code").innerText().replaceAll("\\D", "");
            }
        }

        assertThat(page.locator("#check-in-counter")).containsText("49 / 50", new com.microsoft.playwright.assertions.LocatorAssertions
                .ContainsTextOptions().setTimeout(10_000));
        vn.ntm.portal.TestData.signInAsAdmin();
        vn.ntm.portal.training.ClassCounts counts = attendance.counts(c.id());
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        assertThat(counts.enrolments()).isEqualTo(50);
        assertThat(counts.sessionAttendances()).isEqualTo(49);
        assertThat(counts.participations()).isEqualTo(49);
        assertThat(counts.uniqueParticipants()).isEqualTo(49);
        assertThat(counts.completions()).isZero();
    }

    /** One phone checking in a crowd is stopped at fifteen, and the trainer's board says so while it happens. */
    @Test
    void onePhoneCheckingInManyPeopleIsStoppedAndTheTrainersBoardWarns() {
        long session = onlineClassWithRoster("SL-ONE-PHONE", 20, "0966%06d");
        signIn("admin", PASSWORD);
        page.navigate(url("/sessions/check-in/" + session));
        String ref = checkInReference(page);
        assertThat(page.locator("#check-in-warning")).hasText("");

        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true));
        Page shared = phone.newPage();
        for (int i = 0; i < 16; i++) {
            shared.navigate(url("/checkin?s=" + ref + "&c=" + page.locator("#check-in-code").innerText().replaceAll("\\D", "")));
            shared.locator("#id").fill(String.format("0966%06d", i));
            shared.locator("button").click();
            if (i < 15) {
                assertThat(shared.locator("p.ok")).containsText("Đã điểm danh");
            } else {
                assertThat(shared.locator("p.err")).containsText("đã thử quá nhiều lần");
            }
        }
        phone.close();
        assertThat(page.locator("#check-in-warning")).containsText("một thiết bị đã điểm danh cho 15 người",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(page.locator("#check-in-counter")).containsText("15 / 20");
    }

    /**
     * A walk-in typed under one name with the phone of someone recorded under another: the trainer sees the
     * mismatch (the other person's initials only) and chooses; the other person is never added silently.
     */
    @Test
    void aWalkInWithAnotherPersonsPhoneShowsTheMismatchOnTheBoardAndTheTrainerChooses() {
        long session = onlineClassWithRoster("SL-WALK-IN", 3, "0955%06d");
        vn.ntm.portal.TestData.signInAsAdmin();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        vn.ntm.portal.training.ClassSummary haTinh = classes.create(new vn.ntm.portal.training.ClassForm("HT-OTHER-PROVINCE", "Lớp Hà Tĩnh",
                null, null, units.findByCode("42").orElseThrow().id(), null, vn.ntm.portal.training.OrganisingLevel.PROVINCE, null,
                vn.ntm.portal.training.DeliveryMode.IN_PERSON, null, null, today, today, null, null, vn.ntm.portal.training.ClassStatus.RUNNING,
                80, List.of()));
        long stranger = roster.add(haTinh.id(), new vn.ntm.portal.person.PersonDetails("Phan Thị Hà Tĩnh", null, 1990, "0944000111",
                null, null, null, null, null));
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        signIn("admin", PASSWORD);
        page.navigate(url("/sessions/check-in/" + session));
        String ref = checkInReference(page);

        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true));
        Page walker = phone.newPage();
        walker.navigate(url("/checkin?s=" + ref + "&c=" + page.locator("#check-in-code").innerText().replaceAll("\\D", "")));
        walker.locator("#id").fill("0944000111");
        walker.locator("button").click();
        // the same answer as for a number nobody has: nothing about the Hà Tĩnh person
        assertThat(walker.locator("p.err")).containsText("Không tìm thấy học viên với số điện thoại hoặc số CCCD này");
        assertThat(walker.locator("body")).not().containsText("Phan Thị");
        walker.locator("#name").fill("Người Lạ Walkin");
        walker.locator("button").click();
        assertThat(walker.locator("p.ok")).containsText("Đã gửi đề nghị");
        phone.close();

        com.microsoft.playwright.Locator walkIns = page.locator("#walk-ins");
        assertThat(walkIns).containsText("Người Lạ Walkin · 0944000111", new com.microsoft.playwright.assertions.LocatorAssertions
                .ContainsTextOptions().setTimeout(10_000));
        assertThat(walkIns).containsText("đã thuộc về người có tên khác (P. T. H. T.)");
        assertThat(walkIns).not().containsText("Phan Thị Hà Tĩnh");
        assertThat(walkIns.getByText("Nhận vào lớp")).hasCount(0);
        walkIns.getByText("Thêm người mới: Người Lạ Walkin").click();

        assertThat(page.locator("#check-in-counter")).containsText("1 / 4", new com.microsoft.playwright.assertions.LocatorAssertions
                .ContainsTextOptions().setTimeout(10_000));
        assertThat(jdbc.queryForObject("select count(*) from roster_entry r join class_session s on s.class_id = r.class_id"
                + " where s.id = ? and r.person_id = ?", Long.class, session, stranger)).isZero();
    }

    /** A running online class of today with {@code n} trainees; returns its first session. */
    private long onlineClassWithRoster(String code, int n, String phones) {
        vn.ntm.portal.TestData.signInAsAdmin();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        vn.ntm.portal.training.ClassSummary c = classes.create(new vn.ntm.portal.training.ClassForm(code, "Lớp " + code,
                null, null, units.findByCode("14").orElseThrow().id(), null, vn.ntm.portal.training.OrganisingLevel.PROVINCE, null,
                vn.ntm.portal.training.DeliveryMode.ONLINE, null, null, today, today, null, null, vn.ntm.portal.training.ClassStatus.RUNNING,
                80, List.of()));
        long session = sessions.createBulk(c.id(), today, today, java.util.EnumSet.of(vn.ntm.portal.training.SessionPart.MORNING))
                .getFirst().id();
        for (int i = 0; i < n; i++) {
            roster.add(c.id(), new vn.ntm.portal.person.PersonDetails("Học viên " + code + " " + i, null, 1980, String.format(phones, i),
                    null, null, null, null, null));
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        return session;
    }

    /** The session's reference, from the address the board shows under the QR code. */
    private static String checkInReference(Page board) {
        assertThat(board.locator("body")).containsText("/checkin?s=");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/checkin\\?s=([A-Za-z0-9_-]{22})").matcher(board.locator("body").innerText());
        assertThat(m.find()).as("the board shows the check-in address with the session's reference").isTrue();
        return m.group(1);
    }

    private void signIn(String username, String password) {
        BrowserSupport.signIn(page, url(""), username, password);
    }

    private void signInExpectingFailure(String username, String password) {
        page.navigate(url("/login"));
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(password);
        page.locator("#sign-in").click();
        page.waitForURL(u -> u.contains("error"));
        assertThat(page.locator("#login-error")).containsText("Không đăng nhập được");
    }

    private boolean horizontalOverflow() {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
