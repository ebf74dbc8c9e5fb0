package vn.ntm.portal.curriculum;

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
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.account.NewAccount;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.audit.AuditAction;
import vn.ntm.portal.audit.AuditEntry;
import vn.ntm.portal.audit.AuditQuery;
import vn.ntm.portal.audit.AuditSubject;
import vn.ntm.portal.audit.AuditTrail;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.ImportProgress;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may change which curriculum (defect: a commune coordinator created a trainer, and that trainer withdrew a module
 * of the national curriculum, unaudited). A role gives no right to any programme: its managers and its named authors
 * change it, and every change is in the audit trail with its author.
 */
@SpringBootTest
class CurriculumAuthorshipTest {

    private static final String UNITS = """
            code,name,kind,parent_code
            14,Sơn La,tỉnh,
            42,Hà Tĩnh,tỉnh,
            03688,Mường Chiên,xã,14
            18673,Cẩm Xuyên,xã,42
            """;
    private static final String PASSWORD = "Matkhau2026";

    @Autowired
    CurriculumService curriculum;
    @Autowired
    ProgrammeAuthorService authors;
    @Autowired
    AccountService accounts;
    @Autowired
    AuditTrail audit;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    JdbcTemplate jdbc;

    UnitSummary sonLa;
    UnitSummary haTinh;
    UnitSummary camXuyen;
    CurriculumTestData.World national;
    ModuleSummary communeModule;

    @BeforeEach
    void setUp() {
        TestData.reset(jdbc);
        TestData.signInAsAdmin();
        unitImport.importFile("units.csv", UNITS.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);
        sonLa = units.findByCode("14").orElseThrow();
        haTinh = units.findByCode("42").orElseThrow();
        camXuyen = units.findByCode("18673").orElseThrow();
        national = CurriculumTestData.programme(curriculum, "KCT-3360", "Khung chương trình 3360");
        communeModule = CurriculumTestData.publishedModule(curriculum, national, "Phát triển sản phẩm OCOP ở cấp xã");
        account("admin", Role.ADMIN, null);
        account("dieuphoi.camxuyen", Role.COORDINATOR, camXuyen);
        account("dieuphoi.sonla", Role.COORDINATOR, sonLa);
        account("dieuphoi.hatinh", Role.COORDINATOR, haTinh);
        account("gv.sonla", Role.TRAINER, sonLa);
        account("gv.hatinh", Role.TRAINER, haTinh);
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void trainerCreatedByACommuneCoordinatorCannotWithdrawOrChangeANationalModule() {
        TestData.signInAsAccount(jdbc, "dieuphoi.camxuyen");
        accounts.create(new NewAccount("gv.moi", "Giảng viên mới", null, null, Role.TRAINER, camXuyen.id(), null, null, PASSWORD));
        TestData.signInAsAccount(jdbc, "gv.moi");

        assertThat(curriculum.programmes()).isEmpty();
        assertThatThrownBy(() -> curriculum.unpublish(communeModule.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> curriculum.saveLesson(communeModule.id(), null, LessonDraft.text("Chèn", true, "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> curriculum.createModule(new ModuleDraft(national.topic().id(), "Học phần lạ", null,
                Set.of(TraineeLevel.RESIDENT)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> curriculum.lessons(communeModule.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> curriculum.modules(national.programme().id(), "", 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThat(curriculum.modules(null, "", 0, 10)).isEmpty();
        // the commune coordinator cannot reach the national curriculum either
        TestData.signInAsAccount(jdbc, "dieuphoi.camxuyen");
        assertThatThrownBy(() -> curriculum.unpublish(communeModule.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> authors.grant(national.programme().id(), "gv.moi")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> curriculum.addTopic(national.topic().groupId(), 2, "Chủ đề", null, false))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(jdbc.queryForObject("select status from curriculum_module where id = ?", String.class, communeModule.id()))
                .isEqualTo("PUBLISHED");
        assertThat(jdbc.queryForObject("select count(*) from curriculum_lesson where module_id = ?", Long.class, communeModule.id()))
                .isEqualTo(3);
    }

    @Test
    void coordinatorCreatesNoAccountAboveTheirOwnRoleNorOutsideTheirScope() {
        TestData.signInAsAccount(jdbc, "dieuphoi.camxuyen");

        assertThatThrownBy(() -> accounts.create(new NewAccount("sep", "Sếp", null, null, Role.ADMIN, camXuyen.id(), null, null, PASSWORD)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.create(new NewAccount("dp.tinh", "Điều phối tỉnh", null, null, Role.COORDINATOR, haTinh.id(),
                null, null, PASSWORD))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.create(new NewAccount("gv.khong", "Không đơn vị", null, null, Role.TRAINER, null,
                null, null, PASSWORD))).isInstanceOf(ValidationException.class);
        AccountSummary trainer = accounts.create(new NewAccount("gv.xa", "Giảng viên xã", null, null, Role.TRAINER, camXuyen.id(),
                null, null, PASSWORD));

        assertThat(trainer.role()).isEqualTo(Role.TRAINER);
        assertThat(jdbc.queryForObject("select count(*) from curriculum_programme_author where account_id = ?", Long.class, trainer.id()))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from account where username in ('sep', 'dp.tinh', 'gv.khong')", Long.class)).isZero();
    }

    @Test
    void aNamedAuthorWritesTheirProgrammeOnlyAndEveryChangeIsAuditedWithItsAuthor() {
        TestData.signInAsAccount(jdbc, "admin");
        CurriculumTestData.World digital = CurriculumTestData.programme(curriculum, "CDS-924", "Chuyển đổi số");
        authors.grant(digital.programme().id(), "gv.sonla");

        TestData.signInAsAccount(jdbc, "gv.sonla");
        assertThat(curriculum.programmes()).extracting(ProgrammeSummary::code).containsExactly("CDS-924");
        ModuleSummary module = CurriculumTestData.publishedModule(curriculum, digital, "Chính quyền số ở xã");
        curriculum.saveLesson(module.id(), curriculum.lessons(module.id()).get(2).id(), CurriculumTestData.quiz(3));
        curriculum.unpublish(module.id());
        assertThatThrownBy(() -> curriculum.unpublish(communeModule.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> curriculum.addTopic(digital.topic().groupId(), 2, "Chủ đề", null, false))
                .isInstanceOf(AccessDeniedException.class);

        TestData.signInAsAccount(jdbc, "admin");
        List<AuditEntry> trail = audit.find(new AuditQuery(null, "gv.sonla", null, null), 0, 100);
        assertThat(trail).extracting(e -> e.subject() + " " + e.action())
                .contains("MODULE CREATED", "LESSON CREATED", "MODULE PUBLISHED", "LESSON UPDATED", "MODULE WITHDRAWN");
        assertThat(trail).filteredOn(e -> e.subject() == AuditSubject.QUESTION).isNotEmpty();
        assertThat(trail).filteredOn(e -> e.subject() != AuditSubject.ACCOUNT)
                .allSatisfy(e -> assertThat(e.actorName()).startsWith("gv.sonla"));
        assertThat(audit.find(new AuditQuery(AuditSubject.PROGRAMME, "", null, null), 0, 10))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.ADDED);
                    assertThat(e.actorName()).startsWith("admin");
                    assertThat(e.fields()).anySatisfy(f -> assertThat(f.newValue()).startsWith("gv.sonla"));
                });
        assertThat(curriculum.editions(module.id())).allSatisfy(e -> assertThat(e.publishedBy()).startsWith("gv.sonla"));

        authors.revoke(digital.programme().id(), jdbc.queryForObject("select id from account where username = 'gv.sonla'", Long.class));
        TestData.signInAsAccount(jdbc, "gv.sonla");
        assertThatThrownBy(() -> curriculum.publish(module.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void coordinatorManagesTheProgrammesOfTheirUnitAndNamesAuthorsOnlyWithinTheirScope() {
        TestData.signInAsAccount(jdbc, "dieuphoi.sonla");
        ProgrammeSummary own = curriculum.createProgramme(new ProgrammeDraft("SL-OCOP", "OCOP Sơn La", null, LocalDate.of(2025, 1, 2),
                2025, 2026, ProgrammeStatus.ACTIVE, null));
        assertThat(own.ownerUnitId()).isEqualTo(sonLa.id());
        TopicSummary topic = curriculum.addTopic(curriculum.addGroup(own.id(), "I", "Sản phẩm").id(), 1, "Chè Tà Xùa", null, false);
        authors.grant(own.id(), "gv.sonla");
        assertThatThrownBy(() -> authors.grant(own.id(), "gv.hatinh")).isInstanceOf(ValidationException.class)
                .hasMessage("curriculum.author.error.notFound");
        assertThat(authors.authors(own.id())).extracting(ProgrammeAuthorService.Author::username)
                .containsExactlyInAnyOrder("dieuphoi.sonla", "gv.sonla");
        assertThat(curriculum.programmes()).extracting(ProgrammeSummary::code).containsExactly("SL-OCOP");

        TestData.signInAsAccount(jdbc, "gv.sonla");
        curriculum.createModule(new ModuleDraft(topic.id(), "Chế biến chè", null, Set.of(TraineeLevel.RESIDENT)));

        TestData.signInAsAccount(jdbc, "dieuphoi.hatinh");
        assertThat(curriculum.programmes()).isEmpty();
        assertThatThrownBy(() -> authors.grant(own.id(), "gv.hatinh")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> curriculum.updateProgramme(own.id(), new ProgrammeDraft("SL-OCOP", "Đổi tên", null, null, null, null,
                ProgrammeStatus.ACTIVE, null))).isInstanceOf(AccessDeniedException.class);

        // the entries of a programme of Sơn La are read by Sơn La's coordinators, not by Hà Tĩnh's
        assertThat(audit.count(new AuditQuery(AuditSubject.MODULE, "", null, null))).isZero();
        TestData.signInAsAccount(jdbc, "dieuphoi.sonla");
        assertThat(audit.count(new AuditQuery(AuditSubject.MODULE, "", null, null))).isEqualTo(1);
        assertThat(audit.count(new AuditQuery(AuditSubject.TOPIC, "", null, null))).isEqualTo(1);
    }

    private void account(String username, Role role, UnitSummary unit) {
        TestData.signInAsAdmin();
        accounts.create(new NewAccount(username, "Người " + username, null, null, role, unit == null ? null : unit.id(), null,
                null, PASSWORD));
    }
}
