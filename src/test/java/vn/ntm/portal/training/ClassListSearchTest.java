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
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The class list's search and filters narrow what the reader may see, and never widen it. */
@SpringBootTest
class ClassListSearchTest {

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

    @BeforeEach
    void setUp() {
        world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        LocalDate march2025 = LocalDate.of(2025, 3, 10);
        classes.create(TrainingWorld.form("SL-2025-01", world.sonLa, march2025, march2025.plusDays(1), List.of(world.trainerSonLa)));
        classes.create(online(TrainingWorld.form("SL-2024-07", world.sonLa, march2025.minusYears(1), march2025.minusYears(1), List.of())));
        classes.create(TrainingWorld.form("HT-2025-01", world.haTinh, march2025, march2025, List.of(world.trainerHaTinh)));
        classes.create(titled(TrainingWorld.form("SL-TY-LE", world.sonLa, march2025, march2025, List.of()), "Lớp đạt 100% chuyên cần"));
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void coordinatorOfSonLaSearchingAnotherProvincesCodeFindsNothing() {
        TestData.signInAs(Role.COORDINATOR, world.sonLa.id(), world.sonLa.path());

        assertThat(codes(new ClassFilter("2025", null, null, null))).containsExactly("SL-2025-01");
        assertThat(codes(new ClassFilter("HT-2025", null, null, null))).isEmpty();
        assertThat(classes.count(new ClassFilter("HT", null, null, null))).isZero();
        assertThat(classes.count(ClassFilter.ANY)).isEqualTo(3);
    }

    @Test
    void searchMatchesAPieceOfTheTitleWhateverTheCaseAndTakesWildcardsLiterally() {
        TestData.signInAsAdmin();

        assertThat(codes(new ClassFilter("  lớp TẬP huấn sl-2024 ", null, null, null))).containsExactly("SL-2024-07");
        assertThat(codes(new ClassFilter("100%", null, null, null))).containsExactly("SL-TY-LE");
        assertThat(codes(new ClassFilter("%", null, null, null))).containsExactly("SL-TY-LE");
        assertThat(codes(new ClassFilter("_", null, null, null))).isEmpty();
    }

    @Test
    void filtersByYearStatusAndModeTogether() {
        TestData.signInAsAdmin();

        assertThat(codes(new ClassFilter(null, 2024, null, null))).containsExactly("SL-2024-07");
        assertThat(codes(new ClassFilter(null, 2025, ClassStatus.OPEN, DeliveryMode.IN_PERSON)))
                .containsExactlyInAnyOrder("SL-2025-01", "HT-2025-01", "SL-TY-LE");
        assertThat(codes(new ClassFilter(null, 2025, null, DeliveryMode.ONLINE))).isEmpty();
        assertThat(codes(new ClassFilter(null, null, ClassStatus.FINISHED, null))).isEmpty();
        assertThat(classes.count(new ClassFilter("SL", 2025, ClassStatus.OPEN, null))).isEqualTo(2);
    }

    @Test
    void trainerSearchesOnlyTheClassesTheyTeach() {
        TestData.signInAsAccount(jdbc, "gv.sonla");

        assertThat(codes(new ClassFilter("2025", null, null, null))).containsExactly("SL-2025-01");
        assertThat(codes(new ClassFilter("SL-2024", null, null, null))).isEmpty();
    }

    private List<String> codes(ClassFilter filter) {
        return classes.list(filter, 0, 50).stream().map(ClassSummary::code).toList();
    }

    private static ClassForm titled(ClassForm f, String title) {
        return new ClassForm(f.code(), title, f.programme(), f.topics(), f.unitId(), f.organisationId(), f.organisingLevel(),
                f.targetGroups(), f.mode(), f.venue(), f.meetingLink(), f.startDate(), f.endDate(), f.capacity(),
                f.budgetVnd(), f.status(), f.completionShare(), f.trainerAccountIds());
    }

    private static ClassForm online(ClassForm f) {
        return new ClassForm(f.code(), f.title(), f.programme(), f.topics(), f.unitId(), f.organisationId(), f.organisingLevel(),
                f.targetGroups(), DeliveryMode.ONLINE, f.venue(), f.meetingLink(), f.startDate(), f.endDate(), f.capacity(),
                f.budgetVnd(), f.status(), f.completionShare(), f.trainerAccountIds());
    }
}
