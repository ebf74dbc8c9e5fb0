package vn.ntm.portal.training;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.Registration;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonMergeService;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registering with someone else's phone must not make their record, with its attendance history, the new account's:
 * only a coordinator's confirmed, audited link does that.
 */
@SpringBootTest
class AccountLinkingTest {

    private static final String LAN_PHONE = "0912000001";

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
    @Autowired
    CheckInCodes codes;
    @Autowired
    CheckInService checkIns;
    @Autowired
    EnrolmentRequestService requests;
    @Autowired
    PersonMergeService persons;

    TrainingWorld world;
    SessionSummary today;
    SessionSummary lastMonth;
    long classId;
    long lan;

    @BeforeEach
    void setUp() {
        world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        LocalDate day = TrainingWorld.today();
        ClassSummary c = classes.create(TrainingWorld.form("SL-LINK", world.sonLa, day.minusDays(40), day.plusDays(30), List.of(world.trainerSonLa)));
        classId = c.id();
        today = sessions.create(c.id(), day, SessionPart.MORNING, LocalTime.MIN, LocalTime.of(23, 59), DeliveryMode.ONLINE, null);
        lastMonth = sessions.create(c.id(), day.minusDays(30), SessionPart.MORNING, LocalTime.of(7, 30), LocalTime.of(11, 30),
                DeliveryMode.ONLINE, null);
        lan = roster.add(c.id(), new PersonDetails("Quàng Thị Lan", null, 1980, LAN_PHONE, null, world.muongChien.id(), null, null, null));
        attendance.mark(lastMonth.id(), lan, AttendanceStatus.PRESENT, null, null);
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void someoneRegisteringWithARosteredPhoneDoesNotGetThatPersonsRecordAtCheckInOrByAskingToJoin() {
        long impostor = register("Kẻ Mạo Danh", LAN_PHONE);
        TestData.signInAsAccount(jdbc, LAN_PHONE);

        CheckInResult result = checkIns.checkIn(reference(today.id()), codes.current(today.id(), Instant.now()), impostor, null,
                CheckInClient.account(impostor, "203.0.113.9", false));
        requests.request(classId);

        assertThat(result.outcome()).isEqualTo(CheckInOutcome.ACCOUNT_NOT_LINKED);
        assertThat(jdbc.queryForObject("select account_id from person where id = ?", Long.class, lan)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from attendance where person_id = ? and session_id = ?", Long.class, lan, today.id()))
                .isZero();
        // asking to join gave the account a record of its own, not Lan's
        assertThat(jdbc.queryForObject("select person_id from enrolment_request where account_id = ?", Long.class, impostor)).isNotEqualTo(lan);
    }

    @Test
    void aCoordinatorConfirmsTheAccountIsTheirsAndFromThenOnItChecksInAsThatRecord() {
        long account = register("Quàng Thị Lan", LAN_PHONE);
        TestData.signInAsAccount(jdbc, "dp.sonla");

        persons.linkAccount(lan, "+84 912 000 001");
        SecurityContextHolder.clearContext();
        CheckInResult result = checkIns.checkIn(reference(today.id()), codes.current(today.id(), Instant.now()), account, null,
                CheckInClient.account(account, "203.0.113.9", false));

        assertThat(result.outcome()).isEqualTo(CheckInOutcome.CHECKED_IN);
        assertThat(result.personName()).isEqualTo("Quàng Thị Lan");
        assertThat(jdbc.queryForObject("select f.new_value from audit_change c join audit_change_field f on f.change_id = c.id"
                + " where c.subject_type = 'PERSON' and c.subject_id = ? and f.field = 'account'", String.class, lan)).isEqualTo(LAN_PHONE);
        assertThat(jdbc.queryForObject("select actor_name from audit_change where subject_type = 'PERSON' and subject_id = ?", String.class, lan))
                .isNotBlank();
    }

    @Test
    void aCoordinatorCannotLinkAnAccountOutsideTheirUnitNorLinkARecordTwice() {
        register("Quàng Thị Lan", LAN_PHONE);
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        assertThatThrownBy(() -> persons.linkAccount(lan, LAN_PHONE)).isInstanceOf(AccessDeniedException.class);

        TestData.signInAsAccount(jdbc, "dp.sonla");
        assertThatThrownBy(() -> persons.linkAccount(lan, "hv.hatinh")).isInstanceOf(ValidationException.class)
                .hasMessage("person.error.accountNotFound");
        persons.linkAccount(lan, LAN_PHONE);
        assertThatThrownBy(() -> persons.linkAccount(lan, "hv.sonla")).isInstanceOf(ValidationException.class)
                .hasMessage("person.error.alreadyLinked");

        TestData.signInAs(Role.TRAINEE, world.muongChien.id(), world.muongChien.path());
        assertThatThrownBy(() -> persons.linkAccount(lan, "hv.sonla")).isInstanceOf(AccessDeniedException.class);
    }

    private long register(String name, String phone) {
        return accounts.register(new Registration(name, phone, null, world.muongChien.id(), TraineeLevel.RESIDENT, "Ruong2026bac"),
                "192.0.2.20").orElseThrow().id();
    }

    private String reference(long sessionId) {
        return jdbc.queryForObject("select checkin_ref from class_session where id = ?", String.class, sessionId);
    }
}
