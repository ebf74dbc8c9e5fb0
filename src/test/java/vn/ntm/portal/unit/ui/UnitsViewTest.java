package vn.ntm.portal.unit.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class UnitsViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;

    @BeforeEach
    void world() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
    }

    @Test
    @WithUserDetails(value = "dp.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void coordinatorOfSonLaSeesSonLaUnitsOnlyAndNoImport() {
        navigate(UnitsView.class);

        assertThat($view(Span.class).withId("province-count").single().getText()).isEqualTo("1 tỉnh, thành phố");
        assertThat($view(Span.class).withId("commune-count").single().getText()).isEqualTo("2 xã, phường, đặc khu");
        @SuppressWarnings("unchecked")
        Grid<UnitSummary> grid = $view(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(3);
        assertThat(test(grid).getRow(0).name()).isEqualTo("Sơn La");
        assertThat($view(Button.class).withId("import-units").exists()).isFalse();
    }

    @Test
    @WithUserDetails(value = "quantri", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void administratorSeesEveryUnitAndTheImport() {
        navigate(UnitsView.class);

        assertThat($view(Span.class).withId("province-count").single().getText()).isEqualTo("2 tỉnh, thành phố");
        assertThat($view(Span.class).withId("commune-count").single().getText()).isEqualTo("3 xã, phường, đặc khu");
        assertThat($view(Button.class).withId("import-units").exists()).isTrue();
    }

    @Test
    @WithUserDetails(value = "quantri", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void importDialogOffersItsUploadInVietnamese() {
        navigate(UnitsView.class);
        test($view(Button.class).withId("import-units").single()).click();

        Upload upload = $(Upload.class).single();
        assertThat(upload.getI18n()).as("the upload's texts").isNotNull();
        assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo("Chọn tệp…");
        assertThat(upload.getI18n().getDropFiles().getOne()).isEqualTo("Hoặc kéo tệp vào đây");
    }
}
