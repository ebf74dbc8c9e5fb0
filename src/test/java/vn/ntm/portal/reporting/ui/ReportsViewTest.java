package vn.ntm.portal.reporting.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
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
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.reporting.Phase;
import vn.ntm.portal.reporting.ReportRow;
import vn.ntm.portal.reporting.ReportService;
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

@SpringBootTest
class ReportsViewTest extends SpringBrowserlessTest {

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

    ReportingWorld world;
    long hoa;

    @BeforeEach
    void world() {
        world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        TestData.signInAsAdmin();
        hoa = world.trainer("gv.hoa", "Nguyễn Văn Hòa", world.haTinh);
        long lo = world.trainer("gv.lo", "Lò Văn Lả", world.sonLa);
        var an = ReportingWorld.person("Trần Thị An", "0912800001", TraineeLevel.COMMUNE_OFFICIAL);
        world.hold(ReportingWorld.form("HT-2022-V1", world.camXuyen, LocalDate.of(2022, 4, 4), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE,
                1_000_000, "Chuyển đổi số", List.of(hoa)),
                List.of(an, ReportingWorld.person("Lê Văn Bình", "0912800002", TraineeLevel.RESIDENT)), 4, 4);
        world.hold("HT-2024-V2", world.kyAnh, LocalDate.of(2024, 4, 4), DeliveryMode.ONLINE, OrganisingLevel.COMMUNE, 2_000_000, List.of(an), 4);
        world.hold(ReportingWorld.form("SL-2024-V3", world.muongChien, LocalDate.of(2024, 4, 4), DeliveryMode.ONLINE, OrganisingLevel.COMMUNE,
                3_000_000, "Chuyển đổi số", List.of(lo)), List.of(ReportingWorld.person("Lò Văn Sơn", "0912800003", TraineeLevel.RESIDENT)), 4);
        world.settle();
        SecurityContextHolder.clearContext();
    }

    @Test
    @WithUserDetails(value = "dp.hatinh", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void hatinhCoordinatorFiltersThePhaseReadsTheBulletinAndDrillsIntoACommune() {
        navigate(ReportsView.class);
        test($view(Select.class).withId("filter-phase").single()).selectItem(Phase.P2021_2025.label());
        test($view(com.vaadin.flow.component.button.Button.class).withId("apply-filter").single()).click();

        assertThat($view(Paragraph.class).withId("bulletin").single().getText())
                .isEqualTo("Giai đoạn 2021-2025, tỉnh Hà Tĩnh đã tổ chức 2 lớp tập huấn với 3 lượt người tham gia (2 người).");
        assertThat($view(Span.class).withId("report-unit").single().getText()).isEqualTo("tỉnh Hà Tĩnh");
        @SuppressWarnings("unchecked")
        Grid<ReportRow> byUnit = $view(Grid.class).withId("grid-unit").single();
        assertThat(test(byUnit).size()).isEqualTo(2);
        assertThat(test(byUnit).getCellText(0, 0) + "|" + test(byUnit).getCellText(1, 0)).isEqualTo("Cẩm Xuyên|Kỳ Anh");
        assertThat($view(Div.class).withId("total-uniqueParticipants").single().getElement().getTextRecursively()).startsWith("2");

        test(byUnit).clickRow(0);

        assertThat($view(Span.class).withId("report-unit").single().getText()).isEqualTo("xã Cẩm Xuyên");
        assertThat($view(Paragraph.class).withId("bulletin").single().getText())
                .isEqualTo("Giai đoạn 2021-2025, xã Cẩm Xuyên đã tổ chức 1 lớp tập huấn với 2 lượt người tham gia (2 người).");
        assertThat($view(Grid.class).withId("grid-unit").exists()).isFalse();
    }

    @Test
    @WithUserDetails(value = "dp.hatinh", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aClassPlannedForNextYearIsShownApartAndEveryCounterIsDefinedUnderTheFigures() {
        TestData.signInAsAdmin();
        world.hold("HT-NEXT-YEAR", world.kyAnh, LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusYears(1), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 9_000_000,
                List.of(ReportingWorld.person("Võ Thị Hà", "0912800009", TraineeLevel.RESIDENT)), 0);
        world.settle();
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        navigate(ReportsView.class);

        assertThat($view(Div.class).withId("total-classes").single().getElement().getTextRecursively()).startsWith("2");
        assertThat($view(Div.class).withId("total-planned").single().getElement().getTextRecursively()).startsWith("1");
        assertThat($view(Paragraph.class).withId("bulletin").single().getText())
                .contains("đã tổ chức 2 lớp", "Ngoài ra có 1 lớp đã lên kế hoạch");
        for (String counter : ReportsView.DEFINED) {
            assertThat($view(Paragraph.class).withId("define-" + counter).single().getText()).isNotBlank();
        }
    }

    @Test
    @WithUserDetails(value = "dp.hatinh", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void hatinhCoordinatorPicksATrainerInTheFilterAndSeesOnlyTheClassesTheyTaught() {
        navigate(ReportsView.class);
        assertThat(total("classes")).startsWith("2");
        assertThat(test(byTrainer()).getCellText(0, 0) + "|" + test(byTrainer()).getCellText(1, 0))
                .isEqualTo("Nguyễn Văn Hòa|Chưa phân công giảng viên");
        assertThat($view(Paragraph.class).withId("note-trainer").single().getText()).startsWith("Lớp có nhiều giảng viên");

        @SuppressWarnings("unchecked")
        ComboBox<ReportService.Trainer> trainer = $view(ComboBox.class).withId("filter-trainer").single();
        // only trainers of Hà Tĩnh's classes are offered to Hà Tĩnh's coordinator
        assertThat(test(trainer).getSuggestions()).containsExactly("Nguyễn Văn Hòa (Hà Tĩnh)");
        test(trainer).selectItem("Nguyễn Văn Hòa (Hà Tĩnh)");
        test($view(Button.class).withId("apply-filter").single()).click();

        assertThat(total("classes")).startsWith("1");
        assertThat(total("participations")).startsWith("2");
        assertThat($view(Paragraph.class).withId("bulletin").single().getText())
                .isEqualTo("Từ trước đến nay, tỉnh Hà Tĩnh đã tổ chức 1 lớp tập huấn với 2 lượt người tham gia (2 người)."
                        + " Số liệu chỉ tính lớp do giảng viên Nguyễn Văn Hòa dạy.");
        assertThat(test(byTrainer()).size()).isEqualTo(1);

        // a topic typed without diacritics narrows it again: Hòa's class was on digital transformation
        trainer.clear();
        test($view(TextField.class).withId("filter-topic").single()).setValue("chuyen doi so");
        test($view(Button.class).withId("apply-filter").single()).click();
        assertThat(total("classes")).startsWith("1");
        test($view(TextField.class).withId("filter-topic").single()).setValue("du lich");
        test($view(Button.class).withId("apply-filter").single()).click();
        assertThat(total("classes")).startsWith("0");
    }

    @Test
    @WithUserDetails(value = "gv.hoa", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void trainerOpensTheDashboardOfTheClassesTheyTaughtAndCannotPickAnotherTrainer() {
        navigate(ReportsView.class);
        @SuppressWarnings("unchecked")
        ComboBox<ReportService.Trainer> trainer = $view(ComboBox.class).withId("filter-trainer").single();
        assertThat(trainer.isReadOnly()).isTrue();
        assertThat(trainer.getValue().id()).isEqualTo(hoa);
        // Hòa taught one class of the three (Hà Tĩnh 2022); the others' figures are not theirs to see
        assertThat(total("classes")).startsWith("1");
        assertThat(total("participations")).startsWith("2");
        assertThat($view(Paragraph.class).withId("bulletin").single().getText())
                .contains("1 lớp tập huấn với 2 lượt người tham gia").endsWith("Số liệu chỉ tính lớp do giảng viên Nguyễn Văn Hòa dạy.");
        assertThat(test(byTrainer()).size()).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private Grid<ReportRow> byTrainer() {
        return $view(Grid.class).withId("grid-trainer").single();
    }

    private String total(String counter) {
        return $view(Div.class).withId("total-" + counter).single().getElement().getTextRecursively();
    }
}
