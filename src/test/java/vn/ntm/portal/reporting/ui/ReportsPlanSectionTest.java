package vn.ntm.portal.reporting.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
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
import vn.ntm.portal.plan.PlanForm;
import vn.ntm.portal.plan.PlanService;
import vn.ntm.portal.reporting.PlanVsActual;
import vn.ntm.portal.reporting.ReportingWorld;
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

/** The dashboard's plan against actual: shown for a year with a plan, with the percentage in the bulletin. */
@SpringBootTest
class ReportsPlanSectionTest extends SpringBrowserlessTest {

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
    PlanService plans;

    @BeforeEach
    void world() {
        ReportingWorld world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        TestData.signInAsAdmin();
        world.hold("HT-2024-P1", world.camXuyen, LocalDate.of(2024, 4, 4), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 2_000_000,
                List.of(ReportingWorld.person("Trần Thị An", "0912900001", TraineeLevel.COMMUNE_OFFICIAL)), 4);
        plans.save(null, 0, new PlanForm(world.haTinh.id(), 2024, OrganisingLevel.COMMUNE, null, 4, 10, 8_000_000));
        world.settle();
        SecurityContextHolder.clearContext();
    }

    @Test
    @WithUserDetails(value = "dp.hatinh", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void hatinhCoordinatorChoosesTheYearAndSeesThePlanAgainstWhatWasHeld() {
        navigate(ReportsView.class);
        assertThat($view(Div.class).withId("plan-vs-actual").exists()).as("no year chosen: no plan shown").isFalse();

        test($view(IntegerField.class).withId("filter-year").single()).setValue(2024);
        test($view(Button.class).withId("apply-filter").single()).click();

        assertThat($view(Div.class).withId("plan-vs-actual").single().isVisible()).isTrue();
        @SuppressWarnings("unchecked")
        Grid<PlanVsActual.Line> grid = $view(Grid.class).withId("grid-plan").single();
        assertThat(test(grid).getCellText(0, 1) + "|" + test(grid).getCellText(0, 2) + "|" + test(grid).getCellText(0, 3))
                .isEqualTo("4|1|25%");
        assertThat($view(Paragraph.class).withId("bulletin").single().getText())
                .endsWith("Kết quả đạt 25% kế hoạch số lớp và 10% kế hoạch số lượt người tham gia của năm.");
    }
}
