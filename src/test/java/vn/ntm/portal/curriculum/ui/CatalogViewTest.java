package vn.ntm.portal.curriculum.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
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
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.CurriculumTestData;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class CatalogViewTest extends SpringBrowserlessTest {

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

    @BeforeEach
    void world() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        var digital = CurriculumTestData.programme(curriculum, "CDS-924", "Chuyển đổi số trong xây dựng nông thôn mới");
        var tourism = CurriculumTestData.programme(curriculum, "DLCD-703", "Du lịch cộng đồng");
        CurriculumTestData.publishedModule(curriculum, digital, "Dịch vụ công trực tuyến", TraineeLevel.COMMUNE_OFFICIAL);
        CurriculumTestData.publishedModule(curriculum, tourism, "Đón khách tại nhà dân", TraineeLevel.RESIDENT);
        SecurityContextHolder.clearContext();
    }

    @Test
    @WithUserDetails(value = "hv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    @SuppressWarnings("unchecked")
    void traineeTypesChuyenDoiSoWithoutAccentsAndFindsTheDigitalModule() {
        navigate(CatalogView.class);
        Grid<ModuleSummary> grid = $view(Grid.class).withId("catalog-grid").single();
        assertThat(test(grid).size()).isEqualTo(2);

        test($view(TextField.class).withId("catalog-search").single()).setValue("chuyen doi so");

        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).title()).isEqualTo("Dịch vụ công trực tuyến");
        assertThat($view(Span.class).withId("catalog-count").single().getText()).isEqualTo("1 học phần");
    }

    @Test
    @WithUserDetails(value = "hv.hatinh", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    @SuppressWarnings("unchecked")
    void residentFiltersTheCatalogByTheirLevel() {
        navigate(CatalogView.class);
        Select<TraineeLevel> level = $view(Select.class).withId("catalog-level").single();

        test(level).selectItem("Người dân");

        Grid<ModuleSummary> grid = $view(Grid.class).withId("catalog-grid").single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).title()).isEqualTo("Đón khách tại nhà dân");
    }
}
