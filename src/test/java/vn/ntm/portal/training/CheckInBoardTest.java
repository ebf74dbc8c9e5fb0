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
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the trainer's QR board shows: which session it is for, and a live code only while check-in is open. */
@SpringBootTest
class CheckInBoardTest {

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
    CheckInService checkIns;

    SessionSummary now;
    SessionSummary nextMonth;

    @BeforeEach
    void setUp() {
        TrainingWorld world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        LocalDate day = TrainingWorld.today();
        ClassSummary c = classes.create(TrainingWorld.form("SL-BOARD", world.sonLa, day, day.plusDays(30), List.of(world.trainerSonLa)));
        now = sessions.create(c.id(), day, SessionPart.MORNING, LocalTime.MIN, LocalTime.of(23, 59), DeliveryMode.ONLINE, null);
        nextMonth = sessions.create(c.id(), day.plusDays(30), SessionPart.AFTERNOON, LocalTime.of(13, 30), LocalTime.of(17, 0),
                DeliveryMode.ONLINE, null);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void boardOfASessionNotOpenYetShowsNoCodeButWhenCheckInOpens() {
        CheckInBoard board = checkIns.board(nextMonth.id());

        assertThat(board.open()).isFalse();
        assertThat(board.code()).isEmpty();
        assertThat(board.secondsLeft()).isZero();
        // the default window: from an hour before the start to the end plus the configured grace
        assertThat(board.opensAt()).isEqualTo(nextMonth.date().atTime(12, 30));
        assertThat(board.closesAt()).isAfterOrEqualTo(nextMonth.date().atTime(17, 0));
        assertThat(board.session().date()).isEqualTo(nextMonth.date());
        assertThat(board.session().part()).isEqualTo(SessionPart.AFTERNOON);
    }

    @Test
    void boardOfTheSessionUnderWayShowsTheLiveCode() {
        CheckInBoard board = checkIns.board(now.id());

        assertThat(board.open()).isTrue();
        assertThat(board.code()).matches("\\d{6}");
        assertThat(board.session().part()).isEqualTo(SessionPart.MORNING);
    }
}
