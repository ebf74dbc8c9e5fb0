package vn.ntm.portal.reporting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.SettableClock;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.AttendanceStatus;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.CompletionRule;
import vn.ntm.portal.training.CompletionRules;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports count completions as training decides them: a class's rule changed on its page moves the figures. */
@SpringBootTest
@Import(SettableClock.Config.class)
class CompletionRuleFiguresTest {

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
    ReportService reports;
    @Autowired
    CompletionRules rules;
    @Autowired
    SettableClock clock;

    ReportingWorld world;

    @BeforeEach
    void setUp() {
        clock.setToday(LocalDate.of(2026, 3, 1));
        world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        world.settle();
        TestData.signInAsAdmin();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aClassWhoseRuleBecomesThreeOfFourWithExcusedSessionsCountsItsNewCompletionsInTheReportsAndAfterARebuild() {
        List<PersonDetails> five = IntStream.range(0, 5)
                .mapToObj(i -> ReportingWorld.person("Học viên " + i, String.format("0914%06d", i), TraineeLevel.COMMUNE_OFFICIAL))
                .toList();
        // four sessions: attended 4, 3, 2 (+1 excused), 1, 0
        ReportingWorld.Held held = world.hold("SL-QT", world.sonLa, LocalDate.of(2026, 2, 10), DeliveryMode.IN_PERSON,
                OrganisingLevel.PROVINCE, 0, five, 4, 3, 2, 1, 0);
        attendance.mark(held.sessions().get(3).id(), held.personIds()[2], AttendanceStatus.EXCUSED, "ốm", null);
        world.settle();
        ReportFilter sonLa2026 = ReportFilter.all().withYear(2026);
        // today's rule, 80%: only the one who came to all four
        assertThat(reports.summary(sonLa2026, List.of()).total().completions()).isEqualTo(1);

        rules.change(held.classId(), new CompletionRule(75, false));
        world.settle();
        assertThat(reports.summary(sonLa2026, List.of()).total().completions()).isEqualTo(2);

        rules.change(held.classId(), new CompletionRule(75, true));
        world.settle();
        ReportSummary after = reports.summary(sonLa2026, List.of());
        assertThat(after.total().completions()).isEqualTo(3);
        assertThat(attendance.counts(held.classId()).completions()).isEqualTo(3);
        // session attendances stay present or late only
        assertThat(after.total().sessionAttendances()).isEqualTo(4 + 3 + 2 + 1);

        reports.rebuild();
        assertThat(reports.summary(sonLa2026, List.of())).isEqualTo(after);
    }
}
