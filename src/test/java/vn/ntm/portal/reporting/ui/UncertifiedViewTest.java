package vn.ntm.portal.reporting.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.reporting.ReportingWorld;
import vn.ntm.portal.reporting.UncertifiedTrainees;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard links to "Hoàn thành chưa cấp chứng nhận", which lists the coordinator's own completers, by year. */
@SpringBootTest
class UncertifiedViewTest extends SpringBrowserlessTest {

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

    @BeforeEach
    void world() {
        ReportingWorld world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        TestData.signInAsAdmin();
        world.hold("SL-2024-CN", world.muongChien, LocalDate.of(2024, 4, 4), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 0,
                List.of(ReportingWorld.person("Lò Văn Sơn", "0912900001", TraineeLevel.RESIDENT)), 4);
        world.hold("HT-2024-CN", world.camXuyen, LocalDate.of(2024, 4, 4), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 0,
                List.of(ReportingWorld.person("Trần Thị An", "0912900002", TraineeLevel.RESIDENT)), 4);
        world.settle();
        SecurityContextHolder.clearContext();
    }

    @Test
    @WithUserDetails(value = "dp.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aCoordinatorFollowsTheLinkAndSeesOnlyTheirProvincesCompletersWithoutACertificate() {
        navigate(ReportsView.class);
        assertThat($view(RouterLink.class).withId("uncertified-link").single().getHref()).isEqualTo("reports/uncertified");

        navigate(UncertifiedView.class);
        assertThat($view(Span.class).withId("uncertified-count").single().getText()).isEqualTo("1 người");
        @SuppressWarnings("unchecked")
        Grid<UncertifiedTrainees.Line> grid = $view(Grid.class).withId("uncertified-grid").single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).fullName()).isEqualTo("Lò Văn Sơn");
        assertThat($view(Anchor.class).withId("uncertified-csv").single().getHref()).isNotEmpty();

        @SuppressWarnings("unchecked")
        Select<Integer> year = $view(Select.class).withId("uncertified-year").single();
        test(year).selectItem("2023");
        assertThat($view(Span.class).withId("uncertified-count").single().getText()).isEqualTo("0 người");
    }
}
