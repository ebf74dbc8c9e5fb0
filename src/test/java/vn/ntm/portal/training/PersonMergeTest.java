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
import vn.ntm.portal.person.PersonDetails;
import vn.ntm.portal.person.PersonMergeService;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest
class PersonMergeTest {

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
    PersonMergeService merges;

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
    void twoRecordsOfOnePersonMergeAndTheirHistoryCountsOnce() {
        TestData.signInAsAdmin();
        LocalDate day = LocalDate.of(2025, 9, 8);
        ClassSummary a = classes.create(TrainingWorld.form("SL-M1", world.sonLa, day, day, List.of()));
        ClassSummary b = classes.create(TrainingWorld.form("SL-M2", world.sonLa, day.plusDays(7), day.plusDays(7), List.of()));
        SessionSummary sa = sessions.createBulk(a.id(), day, day, EnumSet.of(SessionPart.MORNING)).getFirst();
        SessionSummary sb = sessions.createBulk(b.id(), day.plusDays(7), day.plusDays(7), EnumSet.of(SessionPart.MORNING)).getFirst();
        long communeId = world.muongChien.id();
        long byPhone = roster.add(a.id(), new PersonDetails("Lò Văn Bình", null, 1975, "0912000111", null, communeId, null, null, null));
        long byId = roster.add(b.id(), new PersonDetails("Lò Văn Bình", null, 1975, null, "014075000999", communeId, null, null, null));
        roster.add(b.id(), new PersonDetails("Lò Văn Bình", null, 1975, "0912000111", null, communeId, null, null, null));
        attendance.mark(sa.id(), byPhone, AttendanceStatus.PRESENT, null, null);
        attendance.mark(sb.id(), byId, AttendanceStatus.PRESENT, null, null);
        assertThat(byPhone).isNotEqualTo(byId);

        merges.merge(byPhone, byId);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("select count(*) from attendance where person_id = ?", Long.class, byId)).isZero());
        assertThat(jdbc.queryForObject("select count(*) from attendance where person_id = ?", Long.class, byPhone)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from roster_entry where class_id = ?", Long.class, b.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select national_id from person where id = ?", String.class, byPhone)).isEqualTo("014075000999");
        assertThat(jdbc.queryForObject("select merged_into from person where id = ?", Long.class, byId)).isEqualTo(byPhone);
        assertThat(attendance.counts(b.id()).participations()).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(distinct coalesce(p.merged_into, p.id)) from attendance a join person p on p.id = a.person_id""",
                Long.class)).isEqualTo(1);
        assertThatThrownBy(() -> merges.merge(byPhone, byId)).isInstanceOf(ValidationException.class)
                .hasMessage("person.error.alreadyMerged");
    }

    @Test
    void coordinatorOfHaTinhCannotMergeSonLaRecords() {
        TestData.signInAsAdmin();
        LocalDate day = LocalDate.of(2025, 9, 9);
        ClassSummary a = classes.create(TrainingWorld.form("SL-M3", world.sonLa, day, day, List.of()));
        long first = roster.add(a.id(), new PersonDetails("Quàng Thị Lan", null, 1985, "0912000222", null, world.muongChien.id(), null, null, null));
        long second = roster.add(a.id(), new PersonDetails("Quàng T. Lan", null, 1985, "0912000333", null, world.muongChien.id(), null, null, null));
        TestData.signInAs(Role.COORDINATOR, world.haTinh.id(), world.haTinh.path());

        assertThat(merges.search("", 0, 50)).isEmpty();
        assertThatThrownBy(() -> merges.merge(first, second)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from person where merged_into is not null", Long.class)).isZero();
    }
}
