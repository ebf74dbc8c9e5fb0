package vn.ntm.portal.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.account.NewAccount;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.ImportProgress;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class AuditTrailTest {

    private static final String UNITS = """
            code,name,kind,parent_code
            14,Sơn La,tỉnh,
            42,Hà Tĩnh,tỉnh,
            03688,Mường Chiên,xã,14
            18673,Cẩm Xuyên,xã,42
            """;

    @Autowired
    AuditTrail trail;
    @Autowired
    AccountService accounts;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    JdbcTemplate jdbc;

    UnitSummary haTinh;
    UnitSummary muongChien;
    UnitSummary camXuyen;

    @BeforeEach
    void setUp() {
        TestData.reset(jdbc);
        TestData.signInAsAdmin();
        unitImport.importFile("units.csv", UNITS.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);
        haTinh = units.findByCode("42").orElseThrow();
        muongChien = units.findByCode("03688").orElseThrow();
        camXuyen = units.findByCode("18673").orElseThrow();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private AccountSummary trainee(String username, UnitSummary commune) {
        return accounts.create(new NewAccount(username, "Học viên " + username, null, null, Role.TRAINEE, commune.id(), null,
                TraineeLevel.RESIDENT, "Matkhau2026"));
    }

    @Test
    void disablingAnAccountRecordsWhoWhenAndTheOldAndNewValue() {
        AccountSummary lan = trainee("lan.camxuyen", camXuyen);
        accounts.setEnabled(lan.id(), false);

        List<AuditEntry> entries = trail.find(new AuditQuery(AuditSubject.ACCOUNT, "lan.camxuyen", null, null), 0, 10);

        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.DISABLED, AuditAction.CREATED);
        AuditEntry disabled = entries.getFirst();
        assertThat(disabled.actorName()).contains("test-admin");
        assertThat(disabled.subjectId()).isEqualTo(lan.id());
        assertThat(disabled.fields()).containsExactly(new AuditedChange.FieldChange("enabled", "true", "false"));
        assertThat(entries.get(1).fields()).contains(new AuditedChange.FieldChange("unit", null, "Cẩm Xuyên"));
    }

    @Test
    void coordinatorOfHaTinhReadsHaTinhChangesAndNoneOfSonLa() {
        trainee("lan.camxuyen", camXuyen);
        trainee("thuong.muongchien", muongChien);

        TestData.signInAs(Role.COORDINATOR, haTinh.id(), haTinh.path());

        List<AuditEntry> seen = trail.find(AuditQuery.all(), 0, 50);
        assertThat(seen).extracting(AuditEntry::subjectLabel).containsExactly("lan.camxuyen");
        assertThat(trail.count(AuditQuery.all())).isEqualTo(1);
        assertThat(trail.find(new AuditQuery(null, "muongchien", null, null), 0, 50)).isEmpty();
    }

    @Test
    void traineeCannotReadTheAuditTrail() {
        TestData.signInAs(Role.TRAINEE, muongChien.id(), muongChien.path());

        assertThatThrownBy(() -> trail.find(AuditQuery.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRefusedChangeLeavesNoEntry() {
        assertThatThrownBy(() -> accounts.create(new NewAccount("yeu", "Mật khẩu yếu", null, null, Role.TRAINEE, camXuyen.id(),
                null, TraineeLevel.RESIDENT, "123")))
                .isInstanceOf(ValidationException.class);

        assertThat(trail.count(AuditQuery.all())).isZero();
    }

    @Test
    void entriesCannotBeEditedOrDeletedEvenWithDirectSql() {
        trainee("lan.camxuyen", camXuyen);

        // the application's account lacks the right; the schema's owner meets the triggers
        assertThatThrownBy(() -> jdbc.update("update audit_change set actor_name = 'someone else'"))
                .isInstanceOf(DataAccessException.class);
        JdbcTemplate owner = TestData.asSchemaOwner(jdbc);
        assertThatThrownBy(() -> owner.update("update audit_change set actor_name = 'someone else'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("delete from audit_change_field"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select actor_name from audit_change", String.class)).contains("test-admin");
    }
}
