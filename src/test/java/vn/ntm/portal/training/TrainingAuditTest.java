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
import vn.ntm.portal.audit.AuditAction;
import vn.ntm.portal.audit.AuditEntry;
import vn.ntm.portal.audit.AuditQuery;
import vn.ntm.portal.audit.AuditSubject;
import vn.ntm.portal.audit.AuditTrail;
import vn.ntm.portal.audit.AuditedChange.FieldChange;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class TrainingAuditTest {

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
    AuditTrail trail;

    TrainingWorld world;

    @BeforeEach
    void setUp() {
        TestData.reset(jdbc);
        world = new TrainingWorld(jdbc, unitImport, units, accounts);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aChangedMarkIsAuditedWithWhoAndTheOldAndNewStatusAndOnlyTheClassesCoordinatorsReadIt() {
        TestData.signInAsAccount(jdbc, "quantri");
        long classId = classes.create(TrainingWorld.form("SL-AUDIT-01", world.sonLa, TrainingWorld.today(), TrainingWorld.today(),
                List.of(world.trainerSonLa))).id();
        long sessionId = sessions.createBulk(classId, TrainingWorld.today(), TrainingWorld.today(), Set.of(SessionPart.MORNING)).getFirst().id();
        long lan = roster.add(classId, TrainingWorld.person("Lò Thị Lan", "0912000001"));

        TestData.signInAsAccount(jdbc, "gv.sonla");
        attendance.mark(sessionId, lan, AttendanceStatus.ABSENT, null, null);
        long version = jdbc.queryForObject("select version from attendance where person_id = ?", Long.class, lan);
        attendance.mark(sessionId, lan, AttendanceStatus.EXCUSED, "ốm", version);

        TestData.signInAs(Role.COORDINATOR, world.sonLa.id(), world.sonLa.path());
        List<AuditEntry> marks = trail.find(new AuditQuery(AuditSubject.ATTENDANCE, null, null, null), 0, 10);
        assertThat(marks).hasSize(2).allSatisfy(e -> {
            assertThat(e.actorName()).startsWith("gv.sonla");
            assertThat(e.subjectLabel()).contains("SL-AUDIT-01", "Lò Thị Lan");
            assertThat(e.action()).isEqualTo(AuditAction.MARKED);
        });
        assertThat(marks.getFirst().fields()).containsExactly(new FieldChange("status", "ABSENT", "EXCUSED"), new FieldChange("note", null, "ốm"));
        assertThat(marks.get(1).fields()).containsExactly(new FieldChange("status", null, "ABSENT"));
        assertThat(trail.find(new AuditQuery(AuditSubject.ROSTER, null, null, null), 0, 10))
                .singleElement().satisfies(e -> assertThat(e.fields()).contains(new FieldChange("person", null, "Lò Thị Lan")));

        TestData.signInAs(Role.COORDINATOR, world.haTinh.id(), world.haTinh.path());
        assertThat(trail.find(AuditQuery.all(), 0, 100)).isNotEmpty() // Hà Tĩnh's own accounts
                .noneMatch(e -> e.subjectLabel().contains("SL-AUDIT-01"));
        assertThat(trail.count(new AuditQuery(AuditSubject.ATTENDANCE, null, null, null))).isZero();
    }

    @Test
    void changingAClassRecordsEachChangedFieldOnly() {
        TestData.signInAsAccount(jdbc, "quantri");
        ClassSummary created = classes.create(TrainingWorld.form("SL-AUDIT-02", world.sonLa, TrainingWorld.today(), TrainingWorld.today(),
                List.of(world.trainerSonLa)));
        ClassForm renamed = new ClassForm(created.code(), "Tập huấn chuyển đổi số (đổi tên)", created.programme(), created.topics(),
                created.unitId(), created.organisationId(), created.organisingLevel(), created.targetGroups(), created.mode(), created.venue(),
                created.meetingLink(), created.startDate(), created.endDate(), 35, created.budgetVnd(), created.status(),
                created.completionShare(), created.trainerAccountIds());
        classes.update(created.id(), created.version(), renamed);

        List<AuditEntry> entries = trail.find(new AuditQuery(AuditSubject.CLASS, "SL-AUDIT-02", null, null), 0, 10);
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.UPDATED, AuditAction.CREATED);
        assertThat(entries.getFirst().fields()).containsExactlyInAnyOrder(
                new FieldChange("title", created.title(), "Tập huấn chuyển đổi số (đổi tên)"),
                new FieldChange("capacity", null, "35"));
    }
}
