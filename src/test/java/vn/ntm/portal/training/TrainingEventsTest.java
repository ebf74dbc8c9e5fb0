package vn.ntm.portal.training;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Check-ins, trainer marks and roster changes reach another module through Spring Modulith's persisted event
 * publication: each event is written to EVENT_PUBLICATION in the transaction of the change, handed to the
 * listener after the commit, and marked completed when the listener is done. A stand-in for the reporting module
 * listens here, as that module will.
 */
@SpringBootTest
@Import(TrainingEventsTest.ReportingStandIn.class)
class TrainingEventsTest {

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
    CheckInService checkIns;
    @Autowired
    CheckInCodes codes;
    @Autowired
    Reporting reporting;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void checkInsMarksAndRosterChangesArePersistedForReportingAndCompletedOnceHandled() {
        new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        LocalDate day = TrainingWorld.today();
        ClassSummary c = classes.create(TrainingWorld.form("SL-EVENTS", units.findByCode("14").orElseThrow(), day, day, List.of()));
        SessionSummary s = sessions.create(c.id(), day, SessionPart.MORNING, LocalTime.MIN, LocalTime.of(23, 59), DeliveryMode.ONLINE, null);
        Instant before = Instant.now().minusSeconds(1);

        long lan = roster.add(c.id(), TrainingWorld.person("Quàng Thị Lan", "0912000001"));
        long binh = roster.add(c.id(), TrainingWorld.person("Lò Văn Bình", "0912000002"));
        attendance.mark(s.id(), binh, AttendanceStatus.LATE, "15 phút", null);
        SecurityContextHolder.clearContext();
        CheckInResult checkedIn = checkIns.checkIn(s.id(), codes.current(s.id(), Instant.now()), "0912000001",
                CheckInClient.browser(null, "127.0.0.1"));
        assertThat(checkedIn.outcome()).isEqualTo(CheckInOutcome.CHECKED_IN);
        TestData.signInAsAdmin();
        roster.remove(c.id(), binh);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, Object>> rows = jdbc.queryForList("""
                    select event_type, serialized_event, completion_date from EVENT_PUBLICATION
                    where listener_id like '%TrainingEventsTest$Reporting.on%' and serialized_event like ?""", "%\"classId\":" + c.id() + ",%");
            assertThat(rows).hasSize(5);
            assertThat(rows).allSatisfy(row -> assertThat(row.get("completion_date")).isNotNull());
            assertThat(rows).extracting(row -> row.get("event_type").toString().replaceAll(".*\\.", ""))
                    .containsExactlyInAnyOrder("RosterChanged", "RosterChanged", "AttendanceChanged", "AttendanceChanged", "RosterChanged");
        });

        // what a report needs is in the events themselves: class, session, person, status, how and when
        List<AttendanceChanged> marks = reporting.attendance().stream().filter(e -> e.classId() == c.id()).toList();
        assertThat(marks).extracting(AttendanceChanged::sessionId, AttendanceChanged::personId, AttendanceChanged::status,
                AttendanceChanged::source).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(s.id(), binh, AttendanceStatus.LATE, AttendanceSource.TRAINER),
                org.assertj.core.groups.Tuple.tuple(s.id(), lan, AttendanceStatus.PRESENT, AttendanceSource.SELF_CHECK_IN));
        assertThat(marks).allSatisfy(e -> assertThat(e.at()).isAfter(before).isBefore(Instant.now()));
        List<RosterChanged> rosterChanges = reporting.roster().stream().filter(e -> e.classId() == c.id()).toList();
        assertThat(rosterChanges).extracting(RosterChanged::personId, RosterChanged::added)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(lan, true), org.assertj.core.groups.Tuple.tuple(binh, true),
                        org.assertj.core.groups.Tuple.tuple(binh, false));
        assertThat(rosterChanges).allSatisfy(e -> assertThat(e.at()).isAfter(before));
    }

    /** What the reporting module will be: a listener in another module, fed from the persisted publications. */
    static class Reporting {
        private final List<AttendanceChanged> attendance = new CopyOnWriteArrayList<>();
        private final List<RosterChanged> roster = new CopyOnWriteArrayList<>();

        // read through methods: the listener is a transactional proxy, whose own fields stay empty
        List<AttendanceChanged> attendance() {
            return attendance;
        }

        List<RosterChanged> roster() {
            return roster;
        }

        @ApplicationModuleListener
        void on(AttendanceChanged event) {
            attendance.add(event);
        }

        @ApplicationModuleListener
        void on(RosterChanged event) {
            roster.add(event);
        }
    }

    @TestConfiguration
    static class ReportingStandIn {
        @Bean
        Reporting reporting() {
            return new Reporting();
        }
    }
}
