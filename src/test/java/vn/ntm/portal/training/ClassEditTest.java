package vn.ntm.portal.training;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.AccountSummary;
import vn.ntm.portal.account.NewAccount;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Correcting a class after it was created: its trainers checked, the ones already on it kept, stale edits refused. */
@SpringBootTest
class ClassEditTest {

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

    TrainingWorld world;
    UnitSummary camXuyen;
    ClassSummary taughtByTheProvince;

    @BeforeEach
    void setUp() {
        TestData.reset(jdbc);
        world = new TrainingWorld(jdbc, unitImport, units, accounts);
        camXuyen = units.findByCode("18673").orElseThrow();
        TestData.signInAsAdmin();
        accounts.create(new NewAccount("dp.camxuyen", "Điều phối Cẩm Xuyên", null, null, Role.COORDINATOR, camXuyen.id(), null, null,
                ViewTestData.PASSWORD));
        taughtByTheProvince = classes.create(TrainingWorld.form("CX-2026-01", camXuyen, TrainingWorld.today(), TrainingWorld.today(),
                List.of(world.trainerHaTinh)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCommuneCoordinatorCorrectsTheBudgetAndProgrammeAndTheProvincialTrainerStaysOnTheClass() {
        TestData.signInAsAccount(jdbc, "dp.camxuyen");
        ClassSummary saved = classes.update(taughtByTheProvince.id(), taughtByTheProvince.version(),
                change(taughtByTheProvince, 45_000_000L, "Chuyển đổi số", ClassStatus.OPEN, List.of(world.trainerHaTinh)));

        ClassSummary reread = classes.get(saved.id());
        assertThat(reread.budgetVnd()).isEqualTo(45_000_000L);
        assertThat(reread.programme()).isEqualTo("Chuyển đổi số");
        assertThat(reread.trainerAccountIds()).containsExactly(world.trainerHaTinh);
        assertThat(classes.trainersOf(saved.id())).extracting(AccountSummary::fullName).containsExactly("Giảng viên Hà Tĩnh");
        assertThat(saved.version()).isEqualTo(reread.version()).isGreaterThan(taughtByTheProvince.version());
    }

    @Test
    void aCommuneCoordinatorCannotPutOnATrainerOutsideTheirCommuneNorAnAccountThatIsNoTrainer() {
        TestData.signInAsAccount(jdbc, "dp.camxuyen");
        long trainee = jdbc.queryForObject("select id from account where username = 'hv.hatinh'", Long.class);

        assertThatThrownBy(() -> classes.update(taughtByTheProvince.id(), taughtByTheProvince.version(),
                change(taughtByTheProvince, 1L, null, ClassStatus.OPEN, List.of(world.trainerHaTinh, world.trainerSonLa))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.error.trainerOutsideScope"));
        assertThatThrownBy(() -> classes.update(taughtByTheProvince.id(), taughtByTheProvince.version(),
                change(taughtByTheProvince, 1L, null, ClassStatus.OPEN, List.of(trainee))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageKey()).isEqualTo("training.error.trainerUnknown"));
        assertThatThrownBy(() -> classes.update(taughtByTheProvince.id(), taughtByTheProvince.version(),
                change(taughtByTheProvince, 1L, null, ClassStatus.OPEN, List.of(999_999L))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageKey()).isEqualTo("training.error.trainerUnknown"));

        ClassSummary unchanged = classes.get(taughtByTheProvince.id());
        assertThat(unchanged.budgetVnd()).isNull();
        assertThat(unchanged.version()).isEqualTo(taughtByTheProvince.version());
    }

    @Test
    void aDisabledTrainerCannotBeNewlyAssignedButStaysOnTheClassTheyTaught() {
        TestData.signInAsAdmin();
        accounts.setEnabled(world.trainerHaTinh, false);
        TestData.signInAsAccount(jdbc, "dp.hatinh");

        ClassSummary kept = classes.update(taughtByTheProvince.id(), taughtByTheProvince.version(),
                change(taughtByTheProvince, 2_000_000L, null, ClassStatus.FINISHED, List.of(world.trainerHaTinh)));
        assertThat(kept.trainerAccountIds()).containsExactly(world.trainerHaTinh);

        ClassSummary other = classes.create(TrainingWorld.form("HT-2026-02", world.haTinh, TrainingWorld.today(), TrainingWorld.today(), List.of()));
        assertThatThrownBy(() -> classes.update(other.id(), other.version(),
                change(other, null, null, ClassStatus.OPEN, List.of(world.trainerHaTinh))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageKey()).isEqualTo("training.error.trainerDisabled"));
    }

    @Test
    void anEditMadeOnAStaleCopyIsRefusedAndTheOtherEditStands() {
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        classes.update(taughtByTheProvince.id(), taughtByTheProvince.version(),
                change(taughtByTheProvince, 10_000_000L, null, ClassStatus.OPEN, List.of(world.trainerHaTinh)));

        TestData.signInAsAccount(jdbc, "dp.camxuyen");
        assertThatThrownBy(() -> classes.update(taughtByTheProvince.id(), taughtByTheProvince.version(),
                change(taughtByTheProvince, 99L, null, ClassStatus.CANCELLED, List.of(world.trainerHaTinh))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.messageKey()).isEqualTo("training.error.changedMeanwhile"));
        ClassSummary stands = classes.get(taughtByTheProvince.id());
        assertThat(stands.budgetVnd()).isEqualTo(10_000_000L);
        assertThat(stands.status()).isEqualTo(ClassStatus.OPEN);
    }

    @Test
    void aClassIsMarkedCancelledAndBackAndEachChangeIsAudited() {
        TestData.signInAsAccount(jdbc, "dp.camxuyen");
        ClassSummary cancelled = classes.update(taughtByTheProvince.id(), taughtByTheProvince.version(),
                change(taughtByTheProvince, null, null, ClassStatus.CANCELLED, List.of(world.trainerHaTinh)));
        assertThat(cancelled.status()).isEqualTo(ClassStatus.CANCELLED);
        ClassSummary back = classes.update(cancelled.id(), cancelled.version(),
                change(cancelled, null, null, ClassStatus.PLANNED, List.of(world.trainerHaTinh)));
        assertThat(classes.get(back.id()).status()).isEqualTo(ClassStatus.PLANNED);
        assertThat(jdbc.queryForObject("select count(*) from audit_change_field f join audit_change c on c.id = f.change_id"
                + " where c.subject_id = ? and c.action = 'UPDATED' and f.field = 'status'", Long.class, back.id())).isEqualTo(2);
    }

    @Test
    void editingAClassCannotSlipInANewCompletionShareThatOnlyTheRuleChangeWithItsPreviewMayApply() {
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        ClassSummary c = taughtByTheProvince;
        ClassForm lowered = new ClassForm(c.code(), c.title(), c.programme(), c.topics(), c.unitId(), c.organisationId(),
                c.organisingLevel(), c.targetGroups(), c.mode(), c.venue(), c.meetingLink(), c.startDate(), c.endDate(), c.capacity(),
                12_000_000L, c.status(), c.completionShare() - 30, c.trainerAccountIds());

        assertThatThrownBy(() -> classes.update(c.id(), c.version(), lowered))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.error.completionShareViaRule"));
        ClassSummary stands = classes.get(c.id());
        assertThat(stands.completionShare()).isEqualTo(c.completionShare());
        assertThat(stands.budgetVnd()).isEqualTo(c.budgetVnd());
    }

    private static ClassForm change(ClassSummary c, Long budget, String programme, ClassStatus status, List<Long> trainers) {
        return new ClassForm(c.code(), c.title(), programme == null ? c.programme() : programme, c.topics(), c.unitId(), c.organisationId(),
                c.organisingLevel(), c.targetGroups(), c.mode(), c.venue(), c.meetingLink(), c.startDate(), c.endDate(), c.capacity(),
                budget, status, c.completionShare(), trainers);
    }
}
