package vn.ntm.portal.reporting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One programme typed in several ways is one row of the report, whichever way the figures are computed. */
@SpringBootTest
class ProgrammeSpellingTest {

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

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aProgrammeTypedInAnotherCaseOrWithoutDiacriticsCountsInTheRowOfTheSpellingOnRecord() {
        ReportingWorld world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        TestData.signInAsAdmin();
        ClassSummary first = create(world.camXuyen, "HT-CDS-1", "Chuyển đổi số trong xây dựng NTM");
        ClassSummary second = create(world.kyAnh, "HT-CDS-2", "chuyen doi so trong xay dung ntm");
        ClassSummary third = create(world.kyAnh, "HT-CDS-3", "CHUYỂN ĐỔI SỐ TRONG XÂY DỰNG NTM");
        ClassSummary other = create(world.kyAnh, "HT-OCOP-1", "Chương trình OCOP");

        assertThat(List.of(second.programme(), third.programme())).containsOnly(first.programme());
        assertThat(other.programme()).isEqualTo("Chương trình OCOP");

        ReportFilter phase = ReportFilter.ofPhase(Phase.P2021_2025).withUnit(world.haTinh.id());
        assertThat(ReportingWorld.within(Duration.ofSeconds(5), () -> reports.summary(phase, List.of()).total().classes() == 4)).isTrue();
        // from the pre-aggregated cells (phase + unit) and from the class rows (a custom range): the same single row
        for (ReportFilter filter : List.of(phase, phaseAsRange(world.haTinh))) {
            List<ReportRow> rows = reports.summary(filter, List.of(Breakdown.PROGRAMME)).rows(Breakdown.PROGRAMME);
            assertThat(rows).extracting(ReportRow::label)
                    .containsExactlyInAnyOrder("Chuyển đổi số trong xây dựng NTM", "Chương trình OCOP");
            assertThat(rows).filteredOn(r -> r.label().startsWith("Chuyển")).singleElement()
                    .satisfies(r -> assertThat(r.figures().classes()).isEqualTo(3));
        }
    }

    @Test
    void theOnlyClassOfAProgrammeMayCorrectItsOwnSpelling() {
        ReportingWorld world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        TestData.signInAsAdmin();
        ClassSummary created = create(world.camXuyen, "HT-TYPO-1", "chuong trinh khuyen nong");
        ClassSummary corrected = classes.update(created.id(), created.version(), form(world.camXuyen, "HT-TYPO-1", "Chương trình khuyến nông"));
        assertThat(corrected.programme()).isEqualTo("Chương trình khuyến nông");
    }

    private static ReportFilter phaseAsRange(UnitSummary unit) {
        return new ReportFilter(null, null, null, null, LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31), unit.id(), false, null,
                null, null, null, null, null, null);
    }

    private ClassSummary create(UnitSummary unit, String code, String programme) {
        return classes.create(form(unit, code, programme));
    }

    private static ClassForm form(UnitSummary unit, String code, String programme) {
        LocalDate start = LocalDate.of(2024, 3, 4);
        return new ClassForm(code, "Lớp " + code, programme, null, unit.id(), null, OrganisingLevel.COMMUNE, null, DeliveryMode.IN_PERSON,
                null, null, start, start, null, 1_000_000L, ClassStatus.FINISHED, 80, List.of());
    }
}
