package vn.ntm.portal.person.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
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
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import static org.assertj.core.api.Assertions.assertThat;

/** Where persons are managed, a coordinator confirms that an account belongs to a person record. */
@SpringBootTest
class PersonsViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    PersonDirectory persons;

    long person;

    @BeforeEach
    void world() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        person = persons.create(new PersonDetails("Người hv.sonla", null, 1985, "0912000777", null,
                units.findByCode("03688").orElseThrow().id(), null, null, null));
        TestData.signInAsAccount(jdbc, "dp.sonla");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @SuppressWarnings("unchecked")
    void coordinatorLinksTheTraineesAccountToTheirRecordAfterConfirming() {
        navigate(PersonsView.class);
        Grid<?> grid = $view(Grid.class).single();
        test(grid).select(0);
        test($view(Button.class).withId("link-account").single()).click();
        test($(TextField.class).withId("link-account-login").single()).setValue("hv.sonla");
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(jdbc.queryForObject("select a.username from person p join account a on a.id = p.account_id where p.id = ?",
                String.class, person)).isEqualTo("hv.sonla");
        assertThat(jdbc.queryForObject("select count(*) from audit_change where subject_type = 'PERSON' and subject_id = ?",
                Long.class, person)).isEqualTo(1);
    }
}
