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
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The completion rule of a class, owned by training: the share of sessions, excused sessions counted or not. */
@SpringBootTest
class CompletionRuleTest {

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
    CompletionRules rules;
    @Autowired
    Participations participations;

    TrainingWorld world;
    long classId;
    long an;
    long binh;
    long cuong;
    long dung;
    long em;

    @BeforeEach
    void fourSessionsTakenInSonLa() {
        world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        LocalDate start = LocalDate.of(2025, 3, 10);
        classId = classes.create(TrainingWorld.form("SL-RULE", world.sonLa, start, start.plusDays(1), List.of(world.trainerSonLa))).id();
        List<SessionSummary> four = sessions.createBulk(classId, start, start.plusDays(1), EnumSet.of(SessionPart.MORNING, SessionPart.AFTERNOON));
        an = roster.add(classId, TrainingWorld.person("Lò Văn An", "0912000001"));
        binh = roster.add(classId, TrainingWorld.person("Lò Văn Bình", "0912000002"));
        cuong = roster.add(classId, TrainingWorld.person("Cầm Văn Cường", "0912000003"));
        dung = roster.add(classId, TrainingWorld.person("Hà Thị Dung", "0912000004"));
        em = roster.add(classId, TrainingWorld.person("Lường Thị Em", "0912000005"));
        // An: three of four (one late); Bình: two and excused from one; Cường: all four; Dung: never;
        // Em: excused from three, never came
        mark(four, an, AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.PRESENT, AttendanceStatus.ABSENT);
        mark(four, binh, AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED, AttendanceStatus.PRESENT, AttendanceStatus.ABSENT);
        mark(four, cuong, AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.PRESENT);
        mark(four, em, AttendanceStatus.EXCUSED, AttendanceStatus.EXCUSED, AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theDefaultRuleIsTodaysEightyPercentWithoutExcusedSessions() {
        assertThat(rules.ruleOf(classId)).isEqualTo(CompletionRule.PORTAL_DEFAULT);
        // 80% of 4 = 3.2: only Cường, who came to all four
        assertThat(completed()).containsOnlyKeys(cuong);
        assertThat(attendance.counts(classId).completions()).isEqualTo(1);
    }

    @Test
    void aClassRequiringThreeOfFourSessionsCompletesThoseWhoAttendedThree() {
        rules.change(classId, new CompletionRule(75, false));

        Map<Long, ParticipationView> all = participations.ofClass(classId).stream()
                .collect(Collectors.toMap(ParticipationView::personId, p -> p));
        assertThat(completed()).containsOnlyKeys(an, cuong);
        assertThat(all.get(an).attendedSessions()).isEqualTo(3);
        assertThat(all.get(an).sessions()).isEqualTo(4);
        assertThat(all.get(binh).why()).isEqualTo(ParticipationView.Outcome.TOO_FEW_SESSIONS);
        assertThat(all.get(binh).excusedSessions()).isEqualTo(1);
        assertThat(all.get(dung).why()).isEqualTo(ParticipationView.Outcome.NEVER_ATTENDED);
        assertThat(attendance.counts(classId).completions()).isEqualTo(2);
    }

    @Test
    void excusedSessionsCountOnlyWhenTheClassSaysSoAndNeverForSomeoneWhoNeverCame() {
        rules.change(classId, new CompletionRule(75, true));

        // Bình: two attended + one excused = three of four; Em: excused from three but attended none
        assertThat(completed()).containsOnlyKeys(an, binh, cuong);
        assertThat(participations.ofClass(classId)).filteredOn(p -> p.personId() == em)
                .singleElement().extracting(ParticipationView::why).isEqualTo(ParticipationView.Outcome.NEVER_ATTENDED);
        // session attendances stay present or late only, whatever the rule
        assertThat(attendance.counts(classId).sessionAttendances()).isEqualTo(3 + 2 + 4);
    }

    @Test
    void changingTheRuleSaysHowManyCompletionsChangeBeforeItIsApplied() {
        CompletionRuleChange preview = rules.preview(classId, new CompletionRule(50, true));
        // 50% with excused: An, Bình and Cường (Em never came); today only Cường
        assertThat(preview.completedBefore()).isEqualTo(1);
        assertThat(preview.completedAfter()).isEqualTo(3);
        assertThat(preview.gained()).isEqualTo(2);
        assertThat(preview.lost()).isZero();
        // a preview changes nothing
        assertThat(rules.ruleOf(classId)).isEqualTo(CompletionRule.PORTAL_DEFAULT);
        assertThat(attendance.counts(classId).completions()).isEqualTo(1);

        long published = classChangedPublications();
        CompletionRuleChange applied = rules.change(classId, new CompletionRule(50, true));
        assertThat(applied).isEqualTo(preview);
        assertThat(attendance.counts(classId).completions()).isEqualTo(3);
        CompletionRuleChange stricter = rules.preview(classId, new CompletionRule(100, false));
        assertThat(stricter.lost()).isEqualTo(2);
        assertThat(stricter.changed()).isEqualTo(2);

        // audited, with the completions before and after, and published for the reports
        assertThat(jdbc.queryForList("""
                select f.old_value, f.new_value from audit_change c join audit_change_field f on f.change_id = c.id
                where c.subject_type = 'CLASS' and c.subject_id = ? and f.field = 'completions'""", classId))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("old_value")).hasToString("1");
                    assertThat(row.get("new_value")).hasToString("3");
                });
        assertThat(classChangedPublications()).isGreaterThan(published);
    }

    @Test
    void aTrainerOfAnotherProvinceCannotChangeTheRuleAndAShareOutsideOneToHundredIsRefused() {
        TestData.signInAsAccount(jdbc, "gv.hatinh");
        assertThatThrownBy(() -> rules.change(classId, new CompletionRule(50, true))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new CompletionRule(0, false)).isInstanceOf(ValidationException.class)
                .hasMessage("training.error.completionShare");
        TestData.signInAsAccount(jdbc, "gv.sonla");
        assertThat(rules.change(classId, new CompletionRule(75, false)).completedAfter()).isEqualTo(2);
    }

    private long classChangedPublications() {
        return jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where EVENT_TYPE like '%ClassChanged'", Long.class);
    }

    private Map<Long, ParticipationView> completed() {
        return participations.ofClass(classId).stream().filter(ParticipationView::completed)
                .collect(Collectors.toMap(ParticipationView::personId, p -> p));
    }

    private void mark(List<SessionSummary> four, long person, AttendanceStatus... statuses) {
        for (int i = 0; i < statuses.length; i++) {
            attendance.mark(four.get(i).id(), person, statuses[i], null, null);
        }
    }
}
