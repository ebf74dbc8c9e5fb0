package vn.ntm.portal.home;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.NewAccount;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.CurriculumTestData;
import vn.ntm.portal.curriculum.LessonSummary;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.learning.LearningService;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.SessionPart;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.training.SessionSummary;
import vn.ntm.portal.unit.OrganisationKind;
import vn.ntm.portal.unit.OrganisationService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every home page answers "what do I do now?" for its role. */
@SpringBootTest
class HomeViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    CurriculumService curriculum;
    @Autowired
    LearningService learning;
    @Autowired
    ClassService classes;
    @Autowired
    SessionService sessions;
    @Autowired
    OrganisationService organisations;
    @Autowired
    Clock clock;
    @Autowired
    vn.ntm.portal.training.EnrolmentRequestService requests;

    @BeforeEach
    void world() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void traineeHomeOffersContinueLearning() {
        TestData.signInAsAdmin();
        ModuleSummary module = CurriculumTestData.publishedModule(curriculum,
                CurriculumTestData.programme(curriculum, "CDS-924", "Chuyển đổi số"), "Dịch vụ công trực tuyến");
        List<LessonSummary> lessons = curriculum.lessons(module.id());
        openClass("SL-2026-01", "Lớp kỹ năng số cho cán bộ xã", List.of());
        TestData.signInAsAccount(jdbc, "hv.sonla");
        learning.enrol(module.id());
        learning.openLesson(lessons.getFirst().id());
        learning.completeLesson(lessons.getFirst().id());

        navigate("", HomeView.class);

        Div next = $view(Div.class).withId("home-continue").single();
        assertThat(next.getElement().getTextRecursively()).contains("Tiếp tục học", "Dịch vụ công trực tuyến", "Đã xong 1/2 bài bắt buộc");
        assertThat($view(ProgressBar.class).single().getValue()).isEqualTo(0.5);
        Anchor go = $view(Anchor.class).withId("home-continue-action").single();
        assertThat(go.getHref()).isEqualTo("lesson/" + learning.resumeLesson(module.id()));
        assertThat($view(Div.class).withId("home-open-classes").single().getElement().getTextRecursively())
                .contains("Lớp kỹ năng số cho cán bộ xã");
        assertThat($view(Anchor.class).withId("home-open-all").single().getHref()).isEqualTo("open-classes");
    }

    @Test
    void traineeHomeShowsTheClassTheyAreOn() {
        TestData.signInAsAdmin();
        ClassSummary open = openClass("SL-2026-04", "Lớp phát triển sản phẩm OCOP", List.of());
        TestData.signInAsAccount(jdbc, "hv.sonla");
        requests.request(open.id());
        TestData.signInAsAdmin();
        requests.approve(jdbc.queryForObject("select id from enrolment_request", Long.class));
        TestData.signInAsAccount(jdbc, "hv.sonla");

        navigate("", HomeView.class);

        assertThat($view(Div.class).withId("home-my-classes").single().getElement().getTextRecursively())
                .contains("Lớp bạn đang tham gia", "Lớp phát triển sản phẩm OCOP");
    }

    @Test
    void traineeWithNothingStartedIsPointedToTheCatalogAndToldNoClassIsOpen() {
        TestData.signInAsAccount(jdbc, "hv.hatinh");

        navigate("", HomeView.class);

        assertThat($view(Anchor.class).withId("home-catalog").single().getHref()).isEqualTo("catalog");
        assertThat($view(Div.class).withId("home-open-classes").single().getElement().getTextRecursively())
                .contains("Hiện chưa có lớp tập huấn nào đang mở");
    }

    @Test
    void trainerHomeShowsTodaysSession() {
        TestData.signInAsAdmin();
        long trainer = jdbc.queryForObject("select id from account where username = 'gv.sonla'", Long.class);
        ClassSummary taught = openClass("SL-2026-02", "Lớp nông thôn mới kiểu mẫu", List.of(trainer));
        ClassSummary other = openClass("SL-2026-03", "Lớp của giảng viên khác", List.of());
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        SessionSummary morning = sessions.create(taught.id(), today, SessionPart.MORNING, LocalTime.of(7, 30), LocalTime.of(11, 30),
                DeliveryMode.IN_PERSON, null);
        sessions.create(taught.id(), today.plusDays(1), SessionPart.MORNING, LocalTime.of(7, 30), LocalTime.of(11, 30),
                DeliveryMode.IN_PERSON, null);
        sessions.create(other.id(), today, SessionPart.AFTERNOON, LocalTime.of(13, 30), LocalTime.of(17, 0), DeliveryMode.IN_PERSON, null);
        TestData.signInAsAccount(jdbc, "gv.sonla");

        navigate("", HomeView.class);

        Div section = $view(Div.class).withId("home-today").single();
        assertThat(section.getElement().getTextRecursively()).contains("07:30–11:30 (Sáng): Lớp nông thôn mới kiểu mẫu · SL-2026-02")
                .doesNotContain("Lớp của giảng viên khác");
        assertThat($view(Anchor.class).withId("home-board-" + morning.id()).single().getHref()).isEqualTo("sessions/check-in/" + morning.id());
        assertThat($view(Anchor.class).withId("home-class-" + morning.id()).single().getHref()).isEqualTo("classes/" + taught.id());
    }

    @Test
    void adminOnEmptyDatabaseSeesFirstSteps() {
        TestData.reset(jdbc);
        TestData.signInAsAdmin();
        accounts.create(new NewAccount("quantri", "Quản trị", null, null, Role.ADMIN, null, null, null, ViewTestData.PASSWORD));
        TestData.signInAsAccount(jdbc, "quantri");

        navigate("", HomeView.class);

        Div steps = $view(Div.class).withId("home-first-steps").single();
        assertThat($view(ListItem.class).all()).hasSize(5).allMatch(item -> item.getElement().getTextRecursively().endsWith("chưa làm"));
        assertThat($view(Anchor.class).withId("first-step-units").single().getHref()).isEqualTo("units");
        assertThat($view(Anchor.class).withId("first-step-curricula").single().getHref()).isEqualTo("curriculum-editor");
        assertThat(steps.getElement().getTextRecursively()).contains("Nhập danh mục đơn vị hành chính");

        // each step done is ticked; once all are, the list goes away
        ViewTestData.load(jdbc, unitImport, units, accounts);
        TestData.signInAsAccount(jdbc, "quantri");
        reopenHome();
        assertThat($view(ListItem.class).all()).extracting(item -> item.getElement().getTextRecursively().endsWith("đã xong"))
                .containsExactly(true, false, false, true, true);
        TestData.signInAsAdmin();
        organisations.create("Hội Nông dân tỉnh Sơn La", OrganisationKind.values()[0], units.findByCode("14").orElseThrow().id());
        CurriculumTestData.publishedModule(curriculum, CurriculumTestData.programme(curriculum, "CDS-924", "Chuyển đổi số"), "Học phần 1");
        TestData.signInAsAccount(jdbc, "quantri");
        reopenHome();
        assertThat($view(Div.class).withId("home-first-steps").exists()).isFalse();
    }

    @Test
    void coordinatorHomeSaysWhatToDoNext() {
        TestData.signInAsAccount(jdbc, "dp.sonla");

        navigate("", HomeView.class);

        assertThat($view(Div.class).withId("home-next").single().getElement().getTextRecursively()).contains("Việc tiếp theo");
        assertThat($view(Anchor.class).withId("home-classes").single().getHref()).isEqualTo("classes");
        assertThat($view(Paragraph.class).all()).isNotEmpty();
    }

    /** The router keeps the view of the current route: going elsewhere first builds the home page afresh. */
    private void reopenHome() {
        navigate("password", com.vaadin.flow.component.Component.class);
        navigate("", HomeView.class);
    }

    private ClassSummary openClass(String code, String title, List<Long> trainers) {
        LocalDate start = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        return classes.create(new ClassForm(code, title, "NTM 2021-2025", null, units.findByCode("14").orElseThrow().id(), null,
                OrganisingLevel.PROVINCE, "Cán bộ xã", DeliveryMode.IN_PERSON, "Hội trường", null, start, start.plusDays(2), null, null,
                ClassStatus.OPEN, 80, trainers));
    }
}
