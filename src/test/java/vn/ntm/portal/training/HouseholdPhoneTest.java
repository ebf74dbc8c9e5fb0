package vn.ntm.portal.training;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonDirectory;
import vn.ntm.portal.person.PersonMatch;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One phone for a whole household, common in rural communes: different national IDs are different people whatever
 * else they share, and a check-in by that phone asks who is checking in instead of picking one of them.
 */
@SpringBootTest
class HouseholdPhoneTest {

    static final String HOUSEHOLD_PHONE = "0912777888";

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
    RosterImportService imports;
    @Autowired
    PersonDirectory persons;
    @Autowired
    CheckInCodes codes;
    @Autowired
    CheckInService checkIns;
    @Autowired
    vn.ntm.portal.person.PersonMergeService merges;

    TrainingWorld world;
    ClassSummary theClass;
    SessionSummary today;

    @BeforeEach
    void setUp() {
        world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        LocalDate day = TrainingWorld.today();
        theClass = classes.create(TrainingWorld.form("SL-HOUSEHOLD", world.sonLa, day, day, List.of(world.trainerSonLa)));
        today = sessions.create(theClass.id(), day, SessionPart.MORNING, LocalTime.MIN, LocalTime.of(23, 59), DeliveryMode.IN_PERSON, null);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static PersonDetails member(String name, String nationalId) {
        return new PersonDetails(name, null, 1980, HOUSEHOLD_PHONE, nationalId, null, null, null, null);
    }

    @Test
    void husbandAndWifeSharingOnePhoneStayTwoPersonsOnTheRoster() {
        long husband = roster.add(theClass.id(), member("Lò Văn Chồng", "014080000001"));
        long wife = roster.add(theClass.id(), member("Lò Thị Vợ", "014080000002"));

        assertThat(wife).isNotEqualTo(husband);
        assertThat(roster.count(theClass.id())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from person where phone = ?", Long.class, HOUSEHOLD_PHONE)).isEqualTo(2);
    }

    @Test
    void aPhoneOfSomeoneWithAnotherNationalIdIsOnlyAPossibleDuplicate() {
        roster.add(theClass.id(), member("Lò Văn Chồng", "014080000001"));

        PersonMatch single = persons.match(member("Lò Thị Vợ", "014080000002"));
        List<PersonMatch> batch = persons.matchAll(List.of(member("Lò Thị Vợ", "014080000002"),
                new PersonDetails("Lò Văn Chồng", null, 1980, HOUSEHOLD_PHONE, null, null, null, null, null)));

        assertThat(single.kind()).isEqualTo(PersonMatch.Kind.POSSIBLE_DUPLICATE);
        assertThat(single.certain()).isFalse();
        assertThat(batch).extracting(PersonMatch::kind).containsExactly(PersonMatch.Kind.POSSIBLE_DUPLICATE, PersonMatch.Kind.PHONE);
    }

    @Test
    void aRosterFileWithAHouseholdOnTwoRowsAddsTwoPersons() {
        String csv = String.join(",", RosterImportTest.HEADER) + "\n"
                + "Lò Văn Chồng,,1980," + HOUSEHOLD_PHONE + ",014080000001,,,,\n"
                + "Lò Thị Vợ,,1982," + HOUSEHOLD_PHONE + ",014080000002,,,,\n";

        RosterPreview preview = imports.preview(theClass.id(), csv.getBytes(StandardCharsets.UTF_8));
        imports.commit(theClass.id(), preview, false, false, (d, t) -> { });

        assertThat(preview.invalid()).isZero();
        assertThat(roster.count(theClass.id())).isEqualTo(2);
    }

    @Test
    void aCoordinatorCannotMergeTwoRecordsWithDifferentNationalIds() {
        long husband = roster.add(theClass.id(), member("Lò Văn Chồng", "014080000001"));
        long wife = roster.add(theClass.id(), member("Lò Thị Vợ", "014080000002"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> merges.merge(husband, wife))
                .isInstanceOf(vn.ntm.portal.common.ValidationException.class).hasMessageContaining("person.error.twoNationalIds");
        assertThat(jdbc.queryForObject("select count(*) from person where merged_into is not null", Long.class)).isZero();
    }

    @Test
    void checkInByAPhoneTwoTraineesShareAsksForTheNationalIdAndThenChecksInTheRightOne() {
        roster.add(theClass.id(), member("Lò Văn Chồng", "014080000001"));
        long wife = roster.add(theClass.id(), member("Lò Thị Vợ", "014080000002"));
        SecurityContextHolder.clearContext();
        String code = codes.current(today.id(), Instant.now());

        CheckInResult byPhone = checkIns.checkIn(reference(today.id()), code, null, HOUSEHOLD_PHONE, phone());
        assertThat(byPhone.outcome()).isEqualTo(CheckInOutcome.NATIONAL_ID_NEEDED);
        assertThat(byPhone.personName()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from attendance where session_id = ?", Long.class, today.id())).isZero();

        CheckInResult byId = checkIns.checkIn(reference(today.id()), code, null, "014080000002", phone());
        assertThat(byId.outcome()).isEqualTo(CheckInOutcome.CHECKED_IN);
        assertThat(jdbc.queryForList("select person_id from attendance where session_id = ?", Long.class, today.id())).containsExactly(wife);
    }

    private String reference(long sessionId) {
        return jdbc.queryForObject("select checkin_ref from class_session where id = ?", String.class, sessionId);
    }

    /** The household's phone, checking in through the page. */
    private static CheckInClient phone() {
        return CheckInClient.browser(CheckInTest.newDevice(), "203.0.113.7");
    }
}
