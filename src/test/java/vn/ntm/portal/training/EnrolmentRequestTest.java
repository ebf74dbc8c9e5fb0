package vn.ntm.portal.training;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class EnrolmentRequestTest {

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
    RosterService roster;
    @Autowired
    EnrolmentRequestService requests;

    TrainingWorld world;
    ClassSummary sonLaClass;

    @BeforeEach
    void setUp() {
        world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        LocalDate day = LocalDate.of(2026, 12, 1);
        ClassForm form = TrainingWorld.form("SL-OPEN", world.sonLa, day, day, List.of(world.trainerSonLa));
        sonLaClass = classes.create(new ClassForm(form.code(), form.title(), form.programme(), form.topics(), form.unitId(), null,
                form.organisingLevel(), null, form.mode(), null, null, day, day, 1, null, ClassStatus.OPEN, 80, form.trainerAccountIds()));
        jdbc.update("update account set unit_id = ? where username = 'hv.hatinh'", units.findByCode("18673").orElseThrow().id());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void traineesAskToJoinTheFirstGetsThePlaceTheSecondWaitsAndMovesUpWhenAPlaceFrees() {
        signInAsTrainee("hv.sonla");
        assertThat(requests.openClasses(0, 10)).extracting(ClassSummary::code).containsExactly("SL-OPEN");
        requests.request(sonLaClass.id());
        assertThatThrownBy(() -> requests.request(sonLaClass.id())).isInstanceOf(ValidationException.class).hasMessage("request.error.already");
        long second = createTraineeInSonLa("hv.sonla2");
        signInAsTrainee("hv.sonla2");
        requests.request(sonLaClass.id());

        TestData.signInAsAdmin();
        List<EnrolmentRequestView> open = requests.open(sonLaClass.id());
        assertThat(open).hasSize(2);
        assertThat(requests.approve(open.get(0).id())).isEqualTo(EnrolmentRequestStatus.APPROVED);
        assertThat(requests.approve(open.get(1).id())).isEqualTo(EnrolmentRequestStatus.WAITLISTED);
        assertThat(roster.count(sonLaClass.id())).isEqualTo(1);

        roster.remove(sonLaClass.id(), open.get(0).personId());

        assertThat(roster.list(sonLaClass.id(), 0, 10)).extracting(r -> r.personId()).containsExactly(open.get(1).personId());
        assertThat(requests.open(sonLaClass.id())).isEmpty();
        assertThat(second).isPositive();
    }

    @Test
    void aTraineeOfHaTinhCannotAskToJoinASonLaClass() {
        signInAsTrainee("hv.hatinh");
        assertThat(requests.openClasses(0, 10)).isEmpty();
        assertThatThrownBy(() -> requests.request(sonLaClass.id())).isInstanceOf(ValidationException.class)
                .hasMessage("request.error.notOpen");
        assertThat(jdbc.queryForObject("select count(*) from enrolment_request", Long.class)).isZero();
    }

    private long createTraineeInSonLa(String username) {
        TestData.signInAsAdmin();
        return accounts.create(new vn.ntm.portal.account.NewAccount(username, "Học viên " + username, null, null, Role.TRAINEE,
                world.muongChien.id(), null, vn.ntm.portal.account.TraineeLevel.RESIDENT, vn.ntm.portal.ViewTestData.PASSWORD)).id();
    }

    private void signInAsTrainee(String username) {
        var row = jdbc.queryForMap("select a.id, a.unit_id, u.path from account a join administrative_unit u on u.id = a.unit_id where username = ?",
                username);
        PortalUser user = new PortalUser(((Number) row.get("id")).longValue(), username, "Học viên " + username, Role.TRAINEE,
                ((Number) row.get("unit_id")).longValue(), (String) row.get("path"), true, null);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
