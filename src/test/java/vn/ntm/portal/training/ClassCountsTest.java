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
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class ClassCountsTest {

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

    TrainingWorld world;

    @BeforeEach
    void setUp() {
        world = new TrainingWorld(jdbc, unitImport, units, accounts);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void trainerMarksLateArrivalAndTheClassCountsHerOnce() {
        TestData.signInAsAdmin();
        LocalDate start = LocalDate.of(2025, 3, 10);
        ClassSummary c = classes.create(TrainingWorld.form("SL-2025-01", world.sonLa, start, start.plusDays(1), List.of(world.trainerSonLa)));
        List<SessionSummary> four = sessions.createBulk(c.id(), start, start.plusDays(1), EnumSet.of(SessionPart.MORNING, SessionPart.AFTERNOON));
        long lan = roster.add(c.id(), TrainingWorld.person("Quàng Thị Lan", "0912000001"));
        long binh = roster.add(c.id(), TrainingWorld.person("Lò Văn Bình", "0912000002"));
        long cuong = roster.add(c.id(), TrainingWorld.person("Cầm Văn Cường", "0912000003"));
        roster.add(c.id(), TrainingWorld.person("Hà Thị Dung", "0912000004"));

        // Lan: all four sessions, late to one; Bình: three of four; Cường: one present, one excused; Dung never came
        for (SessionSummary s : four) {
            attendance.mark(s.id(), lan, s == four.get(1) ? AttendanceStatus.LATE : AttendanceStatus.PRESENT, null, null);
        }
        for (SessionSummary s : four.subList(0, 3)) {
            attendance.mark(s.id(), binh, AttendanceStatus.PRESENT, null, null);
        }
        attendance.mark(four.get(0).id(), cuong, AttendanceStatus.PRESENT, null, null);
        attendance.mark(four.get(1).id(), cuong, AttendanceStatus.EXCUSED, "ốm", null);

        ClassCounts counts = attendance.counts(c.id());
        assertThat(four).hasSize(4);
        assertThat(counts.enrolments()).isEqualTo(4);
        assertThat(counts.sessionAttendances()).isEqualTo(4 + 3 + 1);
        assertThat(counts.participations()).isEqualTo(3);
        assertThat(counts.uniqueParticipants()).isEqualTo(3);
        // 80% of 4 sessions = 3.2, so completing needs all 4: only Lan
        assertThat(counts.completions()).isEqualTo(1);
    }

    @Test
    void aPersonInTwoClassesIsOneRecordAndTwoParticipations() {
        TestData.signInAsAdmin();
        LocalDate start = LocalDate.of(2025, 4, 1);
        ClassSummary first = classes.create(TrainingWorld.form("SL-A", world.sonLa, start, start, List.of()));
        ClassSummary second = classes.create(TrainingWorld.form("SL-B", world.sonLa, start.plusDays(7), start.plusDays(7), List.of()));
        SessionSummary s1 = sessions.createBulk(first.id(), start, start, EnumSet.of(SessionPart.MORNING)).getFirst();
        SessionSummary s2 = sessions.createBulk(second.id(), start.plusDays(7), start.plusDays(7), EnumSet.of(SessionPart.MORNING)).getFirst();

        long a = roster.add(first.id(), TrainingWorld.person("Quàng Thị Lan", "0912 000 001"));
        long b = roster.add(second.id(), TrainingWorld.person("Quàng Thị Lan", "+84 912 000 001"));
        attendance.mark(s1.id(), a, AttendanceStatus.PRESENT, null, null);
        attendance.mark(s2.id(), b, AttendanceStatus.PRESENT, null, null);

        assertThat(a).isEqualTo(b);
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(1);
        assertThat(attendance.counts(first.id()).participations() + attendance.counts(second.id()).participations()).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                select count(distinct a.person_id) from attendance a where a.status in ('PRESENT','LATE')""", Long.class)).isEqualTo(1);
    }

    @Test
    void twoTrainersMarkingTheSameCellNeverOverwriteEachOtherSilently() {
        TestData.signInAsAdmin();
        LocalDate day = LocalDate.of(2025, 5, 5);
        ClassSummary c = classes.create(TrainingWorld.form("SL-C", world.sonLa, day, day, List.of(world.trainerSonLa)));
        SessionSummary s = sessions.createBulk(c.id(), day, day, EnumSet.of(SessionPart.MORNING)).getFirst();
        long lan = roster.add(c.id(), TrainingWorld.person("Quàng Thị Lan", "0912000001"));

        // both trainers opened the grid when the cell was empty; the first saves "present"
        attendance.mark(s.id(), lan, AttendanceStatus.PRESENT, null, null);
        assertThatThrownBy(() -> attendance.mark(s.id(), lan, AttendanceStatus.ABSENT, null, null))
                .isInstanceOf(ValidationException.class).hasMessage("attendance.error.changedMeanwhile");
        long version = attendance.grid(c.id()).mark(s.id(), lan).version();
        attendance.mark(s.id(), lan, AttendanceStatus.LATE, "15 phút", version);
        assertThatThrownBy(() -> attendance.mark(s.id(), lan, AttendanceStatus.ABSENT, null, version))
                .isInstanceOf(ValidationException.class).hasMessage("attendance.error.changedMeanwhile");

        assertThat(attendance.grid(c.id()).mark(s.id(), lan).status()).isEqualTo(AttendanceStatus.LATE);
    }

    @Test
    void trainerNotesWhyAPersonWasExcusedAndASecondTrainerCannotOverwriteTheNoteSilently() {
        TestData.signInAsAdmin();
        LocalDate day = LocalDate.of(2025, 5, 6);
        ClassSummary c = classes.create(TrainingWorld.form("SL-N", world.sonLa, day, day, List.of(world.trainerSonLa)));
        SessionSummary s = sessions.createBulk(c.id(), day, day, EnumSet.of(SessionPart.MORNING)).getFirst();
        long lan = roster.add(c.id(), TrainingWorld.person("Quàng Thị Lan", "0912000001"));

        // a note needs a mark first
        assertThatThrownBy(() -> attendance.note(s.id(), lan, "ốm", null))
                .isInstanceOf(ValidationException.class).hasMessage("attendance.error.noteWithoutMark");
        attendance.mark(s.id(), lan, AttendanceStatus.EXCUSED, null, null);
        long seen = attendance.grid(c.id()).mark(s.id(), lan).version();

        attendance.note(s.id(), lan, "  ốm, có giấy của trạm y tế  ", seen);
        // the other trainer still has the grid as it was before the note
        assertThatThrownBy(() -> attendance.note(s.id(), lan, "về quê", seen))
                .isInstanceOf(ValidationException.class).hasMessage("attendance.error.changedMeanwhile");
        assertThatThrownBy(() -> attendance.mark(s.id(), lan, AttendanceStatus.ABSENT, null, seen))
                .isInstanceOf(ValidationException.class).hasMessage("attendance.error.changedMeanwhile");

        var mark = attendance.grid(c.id()).mark(s.id(), lan);
        assertThat(mark.note()).isEqualTo("ốm, có giấy của trạm y tế");
        assertThat(mark.status()).isEqualTo(AttendanceStatus.EXCUSED);
        // changing the status keeps the note; a note too long is refused and changes nothing
        attendance.mark(s.id(), lan, AttendanceStatus.LATE, mark.note(), mark.version());
        long now = attendance.grid(c.id()).mark(s.id(), lan).version();
        assertThatThrownBy(() -> attendance.note(s.id(), lan, "x".repeat(501), now))
                .isInstanceOf(ValidationException.class).hasMessage("attendance.error.note");
        assertThat(attendance.grid(c.id()).mark(s.id(), lan).note()).isEqualTo("ốm, có giấy của trạm y tế");
    }

    @Test
    void allPresentMarksOnlyThoseWithoutAMark() {
        TestData.signInAsAdmin();
        LocalDate day = LocalDate.of(2025, 5, 6);
        ClassSummary c = classes.create(TrainingWorld.form("SL-D", world.sonLa, day, day, List.of()));
        SessionSummary s = sessions.createBulk(c.id(), day, day, EnumSet.of(SessionPart.MORNING)).getFirst();
        long lan = roster.add(c.id(), TrainingWorld.person("Quàng Thị Lan", "0912000001"));
        roster.add(c.id(), TrainingWorld.person("Lò Văn Bình", "0912000002"));
        attendance.mark(s.id(), lan, AttendanceStatus.EXCUSED, null, null);

        assertThat(attendance.markAllPresent(s.id())).isEqualTo(1);
        assertThat(attendance.grid(c.id()).mark(s.id(), lan).status()).isEqualTo(AttendanceStatus.EXCUSED);
        assertThat(attendance.counts(c.id()).sessionAttendances()).isEqualTo(1);
    }

    @Test
    void coordinatorOfSonLaCannotSeeHaTinhClasses() {
        TestData.signInAsAdmin();
        LocalDate day = LocalDate.of(2025, 6, 1);
        ClassSummary haTinhClass = classes.create(TrainingWorld.form("HT-01", world.haTinh, day, day, List.of(world.trainerHaTinh)));
        classes.create(TrainingWorld.form("SL-01", world.sonLa, day, day, List.of(world.trainerSonLa)));
        TestData.signInAs(Role.COORDINATOR, world.sonLa.id(), world.sonLa.path());

        assertThat(classes.list(0, 50)).extracting(ClassSummary::code).containsExactly("SL-01");
        assertThat(classes.count()).isEqualTo(1);
        assertThatThrownBy(() -> classes.get(haTinhClass.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attendance.counts(haTinhClass.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> roster.add(haTinhClass.id(), TrainingWorld.person("X Y", "0912000009")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> classes.create(TrainingWorld.form("HT-02", world.haTinh, day, day, List.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isZero();
    }

    @Test
    void trainerSeesOnlyTheClassesTheyTeach() {
        TestData.signInAsAdmin();
        LocalDate day = LocalDate.of(2025, 6, 2);
        classes.create(TrainingWorld.form("SL-T", world.sonLa, day, day, List.of(world.trainerSonLa)));
        ClassSummary other = classes.create(TrainingWorld.form("SL-U", world.sonLa, day, day, List.of()));
        TestData.signInAs(Role.TRAINER, world.sonLa.id(), world.sonLa.path());
        SecurityContextHolder.getContext().setAuthentication(null);
        vn.ntm.portal.security.PortalUser trainer = new vn.ntm.portal.security.PortalUser(world.trainerSonLa, "gv.sonla", "GV", Role.TRAINER,
                world.sonLa.id(), world.sonLa.path(), true, null);
        SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(trainer, null, trainer.getAuthorities()));

        assertThat(classes.list(0, 50)).extracting(ClassSummary::code).containsExactly("SL-T");
        assertThatThrownBy(() -> classes.get(other.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> classes.create(TrainingWorld.form("SL-V", world.sonLa, day, day, List.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void badClassInputIsRefusedAndStoresNothing() {
        TestData.signInAsAdmin();
        LocalDate day = LocalDate.of(2025, 6, 3);
        assertThatThrownBy(() -> classes.create(TrainingWorld.form("SL 01 =bad", world.sonLa, day, day, List.of())))
                .isInstanceOf(ValidationException.class).hasMessage("training.error.code");
        assertThatThrownBy(() -> classes.create(TrainingWorld.form("SL-E", world.sonLa, day, day.minusDays(1), List.of())))
                .isInstanceOf(ValidationException.class).hasMessage("training.error.dates");
        classes.create(TrainingWorld.form("SL-E", world.sonLa, day, day, List.of()));
        assertThatThrownBy(() -> classes.create(TrainingWorld.form("SL-E", world.sonLa, day, day, List.of())))
                .isInstanceOf(ValidationException.class).hasMessage("training.error.codeTaken");
        assertThat(jdbc.queryForObject("select count(*) from training_class", Long.class)).isEqualTo(1);
    }
}
