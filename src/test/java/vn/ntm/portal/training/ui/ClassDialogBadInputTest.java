package vn.ntm.portal.training.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.badinput.TableState;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class dialog, typed into by a coordinator with the bad inputs the service refuses: each refusal shows in
 * Vietnamese under the dialog (never an exception's text), the dialog stays open with what was typed, and no table
 * changes. The form-level corpus (FormCorpusTest) covers the service; this covers what the coordinator sees.
 */
@SpringBootTest
class ClassDialogBadInputTest extends SpringBrowserlessTest {

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
    void coordinatorTypingBadValuesIntoTheClassDialogSeesVietnameseMessagesAndNothingIsSaved() {
        Map<String, Consumer<ClassDialogBadInputTest>> cases = new LinkedHashMap<>();
        cases.put("Đường dẫn phòng học trực tuyến phải là một địa chỉ web", t -> t.text("class-link").setValue("javascript:alert(1)"));
        cases.put("Địa điểm dài tối đa 300 ký tự", t -> t.text("class-venue").setValue("Hội trường ".repeat(100)));
        cases.put("Phần chủ đề, nội dung dài tối đa 1.000 ký tự", t -> t.text("class-topics").setValue("Chuyển đổi số; ".repeat(200)));
        cases.put("Sĩ số tối đa là 100000 học viên", t -> t.$(IntegerField.class).withId("class-capacity").single().setValue(5_000_000));
        cases.put("Kinh phí một lớp tối đa là 1000000000000 đồng", t -> t.text("class-budget").setValue("999.999.999.999.999"));
        cases.put("Ngày của lớp phải nằm trong các năm từ 2000 đến 2100", t -> t.$(DatePicker.class).withId("class-end").single()
                .setValue(LocalDate.of(9999, 12, 31)));
        cases.put("Mã lớp gồm", t -> t.text("class-code").setValue("SL<script>"));
        cases.put("Vui lòng nhập tên lớp", t -> t.text("class-title").setValue(" \u200B\u00A0 "));

        navigate(ClassesView.class);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Consumer<ClassDialogBadInputTest>> c : cases.entrySet()) {
            test($view(Button.class).withId("new-class").single()).click();
            fillValidClass();
            c.getValue().accept(this);
            Map<String, Long> before = TableState.of(jdbc);
            test($(Button.class).withId("save-class").single()).click();

            String shown = $(Paragraph.class).withId("class-error").single().getText();
            if (!shown.startsWith(c.getKey())) {
                failures.add(c.getKey() + " → shown: " + shown);
            }
            List<String> changed = TableState.changed(before, TableState.of(jdbc));
            if (!changed.isEmpty()) {
                failures.add(c.getKey() + " → changed " + changed);
            }
            test($(Button.class).withText("Hủy").single()).click();
        }
        assertThat(failures).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from training_class", Long.class)).isZero();
    }

    private void fillValidClass() {
        text("class-code").setValue("SL-DLG-01");
        text("class-title").setValue("Tập huấn chuyển đổi số");
        @SuppressWarnings("unchecked")
        ComboBox<UnitSummary> unit = $(ComboBox.class).withId("class-unit").single();
        unit.setValue(units.findByCode("14").orElseThrow());
        $(DatePicker.class).withId("class-start").single().setValue(LocalDate.of(2026, 12, 10));
        $(DatePicker.class).withId("class-end").single().setValue(LocalDate.of(2026, 12, 11));
    }

    private TextField text(String id) {
        return $(TextField.class).withId(id).single();
    }
}
