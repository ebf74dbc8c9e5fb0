package vn.ntm.portal.shell;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
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

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class NavigationByRoleTest extends SpringBrowserlessTest {

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
    @WithUserDetails(value = "quantri", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void administratorNavigatesEverywhere() {
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(navigation()).containsExactly("Trang chủ", "Học trực tuyến", "Việc học của tôi", "Lớp tập huấn", "Đơn vị hành chính", "Cơ quan, tổ chức", "Học viên (hồ sơ)", "Tài khoản", "Báo cáo, thống kê", "Kế hoạch đào tạo", "Kết quả học trực tuyến", "Soạn chương trình", "Nhật ký thay đổi", "Đổi mật khẩu");
    }

    @Test
    @WithUserDetails(value = "dp.hatinh", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void coordinatorSeesHomeWithTheFiguresOfTheirProvince() {
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(navigation()).containsExactly("Trang chủ", "Học trực tuyến", "Việc học của tôi", "Lớp tập huấn", "Đơn vị hành chính", "Cơ quan, tổ chức", "Học viên (hồ sơ)", "Tài khoản", "Báo cáo, thống kê", "Kế hoạch đào tạo", "Kết quả học trực tuyến", "Soạn chương trình", "Nhật ký thay đổi", "Đổi mật khẩu");
        assertThat($view(Span.class).withId("home-role").single().getText()).contains("Hà Tĩnh");
        assertThat(statValue("home-stat-communes")).isEqualTo("1");
        assertThat(statValue("home-stat-accounts-TRAINEE")).isEqualTo("1");
    }

    @Test
    @WithUserDetails(value = "hv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void traineeSeesOnlyTheirOwnPages() {
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(navigation()).containsExactly("Trang chủ", "Học trực tuyến", "Việc học của tôi", "Lớp đang mở", "Chứng nhận của tôi", "Đổi mật khẩu");
        // the catalog is a plain page outside the UI: its menu item loads it in full, not through the UI's router
        SideNavItem catalog = $(SideNavItem.class).all().stream().filter(i -> i.getLabel().equals("Học trực tuyến")).findFirst().orElseThrow();
        assertThat(catalog.getPath()).isEqualTo("catalog");
        assertThat(catalog.isRouterIgnore()).isTrue();
        assertThat($view(Span.class).withId("home-role").single().getText()).isEqualTo("Bạn là học viên tại Mường Chiên.");
    }

    @Test
    @WithUserDetails(value = "gv.sonla", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void trainerSeesOnlyTheirOwnPages() {
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(navigation()).containsExactly("Trang chủ", "Học trực tuyến", "Việc học của tôi", "Lớp tập huấn", "Báo cáo, thống kê", "Soạn chương trình", "Đổi mật khẩu");
    }

    private List<String> navigation() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    private String statValue(String id) {
        return $view(com.vaadin.flow.component.html.Div.class).withId(id).single().getChildren()
                .filter(c -> c instanceof Span).map(c -> ((Span) c).getText()).findFirst().orElseThrow();
    }
}
