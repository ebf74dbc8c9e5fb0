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
import vn.ntm.portal.person.PersonMergeService;
import vn.ntm.portal.person.PersonSummary;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which persons a coordinator finds: those of their communes, and everyone who took part in their classes. */
@SpringBootTest
class PersonScopeTest {

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
    RosterService roster;
    @Autowired
    PersonMergeService persons;

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
    void coordinatorOfHaTinhFindsTraineesWithoutCommuneOfClassesInTheirProvince() {
        TestData.signInAsAdmin();
        LocalDate day = LocalDate.of(2025, 9, 8);
        ClassSummary haTinhClass = classes.create(TrainingWorld.form("HT-2025-25", world.haTinh, day, day, List.of()));
        ClassSummary sonLaClass = classes.create(TrainingWorld.form("SL-2025-01", world.sonLa, day, day, List.of()));
        for (int i = 1; i <= 15; i++) {
            roster.add(haTinhClass.id(), TrainingWorld.person("Học viên Hà Tĩnh " + i, "09120001" + String.format("%02d", i)));
        }
        long sonLaTrainee = roster.add(sonLaClass.id(), TrainingWorld.person("Học viên Sơn La", "0912000999"));

        TestData.signInAsAccount(jdbc, "dp.hatinh");
        List<PersonSummary> found = persons.search("", 0, 50);

        assertThat(found).hasSize(15).allMatch(p -> p.fullName().startsWith("Học viên Hà Tĩnh"));
        assertThat(persons.search("Hà Tĩnh 7", 0, 50)).extracting(PersonSummary::fullName).containsExactly("Học viên Hà Tĩnh 7");
        assertThat(persons.search("Sơn La", 0, 50)).isEmpty();
        // and the one trainee of Sơn La's class stays out of reach for Hà Tĩnh
        assertThatThrownBy(() -> persons.merge(found.getFirst().id(), sonLaTrainee)).isInstanceOf(AccessDeniedException.class);

        TestData.signInAsAccount(jdbc, "dp.sonla");
        assertThat(persons.search("", 0, 50)).extracting(PersonSummary::id).containsExactly(sonLaTrainee);
    }

    @Test
    void coordinatorCanMergeTwoRecordsOfATraineeWithoutCommuneFromTheirClass() {
        TestData.signInAsAdmin();
        LocalDate day = LocalDate.of(2025, 9, 8);
        ClassSummary haTinhClass = classes.create(TrainingWorld.form("HT-2025-26", world.haTinh, day, day, List.of()));
        long first = roster.add(haTinhClass.id(), TrainingWorld.person("Trần Thị Hoa", "0912000301"));
        long second = roster.add(haTinhClass.id(), TrainingWorld.person("Trần Thị Hoa", "0912000302"));

        TestData.signInAsAccount(jdbc, "dp.hatinh");
        persons.merge(first, second);

        assertThat(persons.search("Trần Thị Hoa", 0, 50)).extracting(PersonSummary::id).containsExactly(first);
    }
}
