package vn.ntm.portal.account.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class RegistrationViewTest extends SpringBrowserlessTest {

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
    @SuppressWarnings("unchecked")
    void traineeRegistersWithPhoneCommuneAndLevel() {
        navigate(RegistrationView.class);
        long before = count();

        test($view(TextField.class).withId("fullName").single()).setValue("Lường Văn Sáng");
        test($view(TextField.class).withId("phone").single()).setValue("0978 111 222");
        Select<UnitSummary> province = $view(Select.class).withId("province").single();
        test(province).selectItem("Sơn La");
        ComboBox<UnitSummary> commune = $view(ComboBox.class).withId("commune").single();
        test(commune).selectItem("Xã Mường Chiên");
        Select<TraineeLevel> level = $view(Select.class).withId("level").single();
        test(level).selectItem("Người dân");
        test($view(PasswordField.class).withId("password").single()).setValue("Sang2026ab");
        test($view(PasswordField.class).withId("confirm").single()).setValue("Sang2026ab");
        test($view(Button.class).withId("register-submit").single()).click();

        assertThat(count()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select full_name from account where username = '0978111222'", String.class))
                .isEqualTo("Lường Văn Sáng");
    }

    @Test
    void registrationWithoutContactShowsAVietnameseMessageAndStoresNothing() {
        navigate(RegistrationView.class);
        long before = count();

        test($view(TextField.class).withId("fullName").single()).setValue("Lường Văn Sáng");
        test($view(PasswordField.class).withId("password").single()).setValue("Sang2026ab");
        test($view(PasswordField.class).withId("confirm").single()).setValue("Sang2026ab");
        test($view(Button.class).withId("register-submit").single()).click();

        assertThat($view(Paragraph.class).withId("register-error").single().getText())
                .isEqualTo("Vui lòng nhập số điện thoại hoặc e-mail.");
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from account", Long.class);
    }
}
