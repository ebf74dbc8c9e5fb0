package vn.ntm.portal.plan.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.plan.PlanForm;
import vn.ntm.portal.plan.PlanLine;
import vn.ntm.portal.plan.PlanService;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import static org.assertj.core.api.Assertions.assertThat;

/** The page "Kế hoạch đào tạo": a coordinator adds a row by dialog and sees only their province's plans. */
@SpringBootTest
class PlansViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    PlanService plans;

    UnitSummary haTinh;

    @BeforeEach
    void world() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        haTinh = units.findByCode("42").orElseThrow();
        TestData.signInAsAdmin();
        plans.save(null, 0, new PlanForm(units.findByCode("14").orElseThrow().id(), 2026, OrganisingLevel.PROVINCE, null, 9, 900, 0));
        SecurityContextHolder.clearContext();
    }

    @Test
    @WithUserDetails(value = "dp.hatinh", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void hatinhCoordinatorAddsAPlanRowByDialogAndSeesOnlyHaTinhsPlans() {
        navigate(PlansView.class);
        test($view(IntegerField.class).withId("plan-filter-year").single()).setValue(2026);
        assertThat(test(grid()).size()).isZero(); // Sơn La's plan is not Hà Tĩnh's to see

        test($view(Button.class).withId("new-plan-row").single()).click();
        @SuppressWarnings("unchecked")
        ComboBox<UnitSummary> unit = $(ComboBox.class).withId("plan-unit").single();
        unit.setValue(haTinh);
        $(IntegerField.class).withId("plan-year").single().setValue(2026);
        $(IntegerField.class).withId("plan-classes").single().setValue(107);
        $(IntegerField.class).withId("plan-participations").single().setValue(10_230);
        $(TextField.class).withId("plan-budget").single().setValue("3.200.000.000");
        test($(Button.class).withId("save-plan").single()).click();

        assertThat(test(grid()).size()).isEqualTo(1);
        assertThat(test(grid()).getCellText(0, 0)).isEqualTo("Hà Tĩnh");
        assertThat(test(grid()).getCellText(0, 4)).isEqualTo("107");
        assertThat(test(grid()).getCellText(0, 5)).isEqualTo("10.230");
        assertThat(test(grid()).getCellText(0, 6)).isEqualTo("3.200.000.000");

        // the same row again is refused at its field, nothing saved twice
        test($view(Button.class).withId("new-plan-row").single()).click();
        @SuppressWarnings("unchecked")
        ComboBox<UnitSummary> again = $(ComboBox.class).withId("plan-unit").single();
        again.setValue(haTinh);
        $(IntegerField.class).withId("plan-year").single().setValue(2026);
        $(IntegerField.class).withId("plan-classes").single().setValue(1);
        $(IntegerField.class).withId("plan-participations").single().setValue(1);
        test($(Button.class).withId("save-plan").single()).click();
        assertThat($(Paragraph.class).withId("plan-error").single().getText()).contains("đã có dòng kế hoạch");
        assertThat(plans.count(2026, haTinh.id())).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private Grid<PlanLine> grid() {
        return $view(Grid.class).withId("plans").single();
    }
}
