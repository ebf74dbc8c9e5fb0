package vn.ntm.portal.training.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
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
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating a class: a half-filled form says what is missing, where, and keeps what was typed. */
@SpringBootTest
class ClassDialogTest extends SpringBrowserlessTest {

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
        TestData.signInAsAccount(jdbc, "dp.sonla");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void incompleteNewClassShowsWhatIsMissing() {
        navigate(ClassesView.class);
        test($view(Button.class).withId("new-class").single()).click();
        Dialog dialog = $(Dialog.class).single();
        test($(TextField.class).withId("class-title").single()).setValue("Lớp tập huấn chuyển đổi số");

        test($(Button.class).withId("save-class").single()).click();

        // nothing saved, the dialog stays open with what was typed
        assertThat(jdbc.queryForObject("select count(*) from training_class", Long.class)).isZero();
        assertThat(dialog.isOpened()).isTrue();
        assertThat($(TextField.class).withId("class-title").single().getValue()).isEqualTo("Lớp tập huấn chuyển đổi số");
        // each missing field says so at the field
        TextField code = $(TextField.class).withId("class-code").single();
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).isEqualTo(dialog.getTranslation("training.error.code"));
        assertThat($(TextField.class).withId("class-title").single().isInvalid()).isFalse();
        assertThat($(com.vaadin.flow.component.combobox.ComboBox.class).withId("class-unit").single().isInvalid()).isTrue();
        assertThat($(DatePicker.class).withId("class-start").single().isInvalid()).isTrue();
        assertThat($(DatePicker.class).withId("class-end").single().isInvalid()).isTrue();
        // and a summary above the form and in a notice that cannot be missed
        String summary = dialog.getTranslation("training.error.missing", 4);
        Paragraph top = $(Paragraph.class).withId("class-error").single();
        assertThat(top.getText()).isEqualTo(summary);
        assertThat(dialog.getChildren().toList().indexOf(top)).isZero();
        assertThat($(Notification.class).all()).anyMatch(n -> test(n).getText().equals(summary));
        // Esc or a click outside does not throw the typed text away
        assertThat(dialog.isCloseOnEsc()).isFalse();
        assertThat(dialog.isCloseOnOutsideClick()).isFalse();
    }
}
