package vn.ntm.portal.reporting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.plan.PlanForm;
import vn.ntm.portal.plan.PlanService;
import vn.ntm.portal.plan.PlannedFigures;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.ntm.portal.reporting.ReportingWorld.person;

/**
 * A year's plan against what was held, on ReportingWorld's Hà Tĩnh, against a count by hand; the same figures in the
 * bulletin, the exports and the API, and none of them for a coordinator of another province.
 * (The same Spring context as ReportExportsTest: a web server, for the API.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the settable clock in every plain web test, so that they share one application context
@org.springframework.context.annotation.Import(vn.ntm.portal.SettableClock.Config.class)
class PlanVsActualTest {

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
    AttendanceService attendance;
    @Autowired
    ReportService reports;
    @Autowired
    ReportExports exports;
    @Autowired
    PlanService plans;

    ReportingWorld world;

    @BeforeEach
    void setUp() {
        world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        TestData.signInAsAdmin();
        LocalDate may = LocalDate.of(2024, 5, 6);
        // held in Hà Tĩnh in 2024: a provincial class (3 participations, 30 M) and a commune class in Cẩm Xuyên
        // (one of its two trainees never came: 1 participation, 10 M)
        world.hold("HT-2024-T1", world.haTinh, may, DeliveryMode.IN_PERSON, OrganisingLevel.PROVINCE, 30_000_000,
                List.of(person("Nguyễn Văn An", "0913100001", TraineeLevel.COMMUNE_OFFICIAL),
                        person("Trần Thị Bình", "0913100002", TraineeLevel.COMMUNE_OFFICIAL),
                        person("Lê Văn Cường", "0913100003", TraineeLevel.RESIDENT)), 4, 2, 1);
        world.hold("HT-2024-X1", world.camXuyen, may.plusMonths(1), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 10_000_000,
                List.of(person("Phạm Thị Dung", "0913100004", TraineeLevel.RESIDENT),
                        person("Hoàng Văn Em", "0913100005", TraineeLevel.RESIDENT)), 3, 0);
        // not counted: another year, another province, and a class cancelled after it was planned
        world.hold("HT-2023-X1", world.camXuyen, LocalDate.of(2023, 5, 2), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 7_000_000,
                List.of(person("Võ Văn Giang", "0913100006", TraineeLevel.RESIDENT)), 4);
        world.hold("SL-2024-T1", world.sonLa, may, DeliveryMode.IN_PERSON, OrganisingLevel.PROVINCE, 50_000_000,
                List.of(person("Lò Văn Hải", "0913100007", TraineeLevel.COMMUNE_OFFICIAL)), 4);
        ClassSummary cancelled = classes.create(ReportingWorld.form("HT-2024-HUY", world.kyAnh, may, DeliveryMode.IN_PERSON,
                OrganisingLevel.COMMUNE, 5_000_000, "Chuyển đổi số", List.of()));
        classes.update(cancelled.id(), cancelled.version(), withStatus(cancelled, ClassStatus.CANCELLED));

        // Hà Tĩnh's plan for 2024 (6 classes, 50 participations, 120 M) and Cẩm Xuyên's own
        plans.save(null, 0, new PlanForm(world.haTinh.id(), 2024, OrganisingLevel.PROVINCE, null, 4, 40, 100_000_000));
        plans.save(null, 0, new PlanForm(world.haTinh.id(), 2024, OrganisingLevel.COMMUNE, TraineeLevel.COMMUNE_OFFICIAL, 2, 10, 20_000_000));
        plans.save(null, 0, new PlanForm(world.camXuyen.id(), 2024, OrganisingLevel.COMMUNE, null, 1, 5, 10_000_000));
        plans.save(null, 0, new PlanForm(world.haTinh.id(), 2023, OrganisingLevel.PROVINCE, null, 9, 90, 90_000_000));
        world.settle();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void haTinhsPlanAgainstWhatWasHeldIn2024EqualsTheCountByHand() {
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        PlanVsActual p = reports.planVsActual(null, 2024);

        assertThat(p.unitId()).isEqualTo(world.haTinh.id());
        assertThat(p.total().planned()).isEqualTo(new PlannedFigures(6, 50, 120_000_000));
        assertThat(List.of(p.total().classes(), p.total().participations(), p.total().budgetVnd())).containsExactly(2L, 4L, 40_000_000L);
        assertThat(List.of(p.total().classesPercent(), p.total().participationsPercent(), p.total().budgetPercent()))
                .containsExactly(33L, 8L, 33L);

        assertThat(p.byOrganisingLevel()).extracting(PlanVsActual.Line::key, PlanVsActual.Line::classes, PlanVsActual.Line::participations,
                        PlanVsActual.Line::classesPercent, PlanVsActual.Line::participationsPercent, PlanVsActual.Line::budgetPercent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PROVINCE", 1L, 3L, 25L, 8L, 30L),
                        org.assertj.core.groups.Tuple.tuple("COMMUNE", 1L, 1L, 50L, 10L, 50L));
        assertThat(p.byUnit()).singleElement().satisfies(camXuyen -> {
            assertThat(camXuyen.label()).isEqualTo("Cẩm Xuyên");
            assertThat(camXuyen.planned()).isEqualTo(new PlannedFigures(1, 5, 10_000_000));
            assertThat(List.of(camXuyen.classes(), camXuyen.participations(), camXuyen.budgetVnd())).containsExactly(1L, 1L, 10_000_000L);
            assertThat(camXuyen.participationsPercent()).isEqualTo(20L);
        });
    }

    @Test
    void theBulletinAndTheExportsSayHowMuchOfThePlanWasAchieved() {
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        ReportSummary s = reports.summary(ReportFilter.all().withYear(2024), EnumSet.of(Breakdown.UNIT));
        PlanVsActual p = reports.planVsActual(s.filter().unitId(), 2024);

        String sentence = Bulletin.sentence(s, ReportExportsTest.T, id -> "#" + id, p);
        assertThat(sentence).isEqualTo("Năm 2024, tỉnh Hà Tĩnh đã tổ chức 2 lớp tập huấn với 4 lượt người tham gia (4 người)."
                + " Kết quả đạt 33% kế hoạch số lớp và 8% kế hoạch số lượt người tham gia của năm.");
        // a narrower filter (one organising level) is not the plan's question: no percentage
        ReportSummary narrower = reports.summary(new ReportFilter(null, 2024, null, null, null, null, null, false, OrganisingLevel.PROVINCE,
                null, null, null, null, null, null), List.of());
        assertThat(Bulletin.sentence(narrower, ReportExportsTest.T, id -> "#" + id, p)).doesNotContain("kế hoạch");

        ReportDocument doc = ReportDocument.of(s, List.of(Breakdown.UNIT), ReportExportsTest.T, id -> "#" + id, p);
        String csv = new String(exports.csv(doc), StandardCharsets.UTF_8);
        assertThat(csv).contains("Kế hoạch và thực hiện năm 2024", "Số lớp kế hoạch", sentence)
                .contains("Tổng cộng,6,2,33,50,4,8,120000000,40000000,33")
                .contains("Cẩm Xuyên,1,1,100,5,1,20,10000000,10000000,100");
        assertThat(exports.xlsx(doc)).isNotEmpty();
        assertThat(exports.pdf(doc)).isNotEmpty();
    }

    @Test
    void sonLaCoordinatorGetsNoPlanOfHaTinhFromTheServiceNorTheApi() throws Exception {
        TestData.signInAsAccount(jdbc, "dp.sonla");
        assertThatThrownBy(() -> reports.planVsActual(world.haTinh.id(), 2024)).isInstanceOf(AccessDeniedException.class);
        assertThat(reports.planVsActual(null, 2024).hasPlan()).isFalse();
        SecurityContextHolder.clearContext();

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> refused = http.send(get("dp.sonla", "/api/v1/reports/plan-vs-actual?unit=" + world.haTinh.code() + "&year=2024"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("planned");
        HttpResponse<String> own = http.send(get("dp.hatinh", "/api/v1/reports/plan-vs-actual?year=2024"), HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"classesPercent\":33", "Cẩm Xuyên");
    }

    private HttpRequest get(String username, String path) {
        String auth = "Basic " + Base64.getEncoder().encodeToString((username + ":" + ViewTestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", auth).GET().build();
    }

    private static ClassForm withStatus(ClassSummary c, ClassStatus status) {
        return new ClassForm(c.code(), c.title(), c.programme(), c.topics(), c.unitId(), c.organisationId(), c.organisingLevel(),
                c.targetGroups(), c.mode(), c.venue(), c.meetingLink(), c.startDate(), c.endDate(), c.capacity(), c.budgetVnd(), status,
                c.completionShare(), c.trainerAccountIds());
    }
}
