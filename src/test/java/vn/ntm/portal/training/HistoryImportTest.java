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

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class HistoryImportTest {

    static final String HEADER = String.join(",", HistoryImportService.headers()) + "\n";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    HistoryImportService history;
    @Autowired
    AttendanceService attendance;

    TrainingWorld world;

    @BeforeEach
    void setUp() {
        world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aProvincesPastClassesEnterTheSameCounts() {
        String csv = "\uFEFF" + HEADER
                + "SL-2019-01,Tập huấn Bộ tiêu chí NTM,14,15/03/2019,16/03/2019,Trực tiếp,4,Lò Văn Bình,Nam,1975,0912000001,,,,,,4\n"
                + "SL-2019-01,Tập huấn Bộ tiêu chí NTM,14,15/03/2019,16/03/2019,Trực tiếp,4,Quàng Thị Lan,Nữ,1985,0912000002,,,,,,2\n"
                + "SL-2019-01,Tập huấn Bộ tiêu chí NTM,14,15/03/2019,16/03/2019,Trực tiếp,4,Cầm Văn Cường,Nam,1970,0912000003,,,,,,0\n"
                + "SL-2020-07,Tập huấn trực tuyến OCOP,14,43922,43922,Trực tuyến,2,Lò Văn Bình,Nam,1975,+84 912 000 001,,,,,,2\n";

        HistoryImportReport report = history.importFile(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.problems()).isEmpty();
        assertThat(report.classes()).isEqualTo(2);
        assertThat(report.participants()).isEqualTo(4);
        assertThat(report.sessionAttendances()).isEqualTo(4 + 2 + 2);
        long first = jdbc.queryForObject("select id from training_class where code = 'SL-2019-01'", Long.class);
        ClassCounts counts = attendance.counts(first);
        assertThat(counts.sessions()).isEqualTo(4);
        assertThat(counts.enrolments()).isEqualTo(3);
        assertThat(counts.participations()).isEqualTo(2);
        assertThat(counts.completions()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select start_date from training_class where code = 'SL-2020-07'", java.sql.Date.class))
                .hasToString("2020-04-01");
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(3);
    }

    @Test
    void aFileWithProblemsIsRefusedAsAWholeWithEveryProblemListed() {
        String csv = HEADER
                + "SL-2019-02,Lớp tốt,14,15/03/2019,15/03/2019,,2,Lò Văn Bình,,1975,0912000001,,,,,,2\n"
                + "SL-2019-03,Lớp xấu,99,15/03/2019,14/03/2019,,2,Quàng Thị Lan,,1985,0912000002,,,,,,1\n"
                + "SL-2019-02,Lớp tốt,14,15/03/2019,15/03/2019,,2,Cầm Văn Cường,,1970,12345,,,,,,5\n";

        HistoryImportReport report = history.importFile(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.accepted()).isFalse();
        assertThat(report.problems()).extracting(HistoryImportReport.LineProblem::messageKey)
                .contains("history.error.unit", "history.error.dates", "roster.error.phone", "history.error.attended");
        assertThat(jdbc.queryForObject("select count(*) from training_class", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class)).isZero();
    }

    @Test
    void aCoordinatorCannotImportAnotherProvincesClasses() {
        TestData.signInAs(Role.COORDINATOR, world.haTinh.id(), world.haTinh.path());
        String csv = HEADER + "SL-2019-04,Lớp Sơn La,14,15/03/2019,15/03/2019,,1,Lò Văn Bình,,1975,0912000001,,,,,,1\n";

        HistoryImportReport report = history.importFile(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.problems()).extracting(HistoryImportReport.LineProblem::messageKey).containsExactly("history.error.unitOutsideScope");
        assertThat(jdbc.queryForObject("select count(*) from training_class", Long.class)).isZero();
    }
}
