package vn.ntm.portal.reporting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.certificate.CertificateService;
import vn.ntm.portal.certificate.CertificateTemplates;
import vn.ntm.portal.certificate.CertificateWorld;
import vn.ntm.portal.certificate.IssuedCertificate;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Completed but not certified": whom an office still owes a certificate, within its own unit only. */
@SpringBootTest
class UncertifiedTraineesTest {

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
    UncertifiedTrainees uncertified;
    @Autowired
    CertificateService certificates;
    @Autowired
    CertificateTemplates templates;

    ReportingWorld world;

    @BeforeEach
    void setUp() {
        TestData.awaitEventsHandled(jdbc);
        TestData.forgetCertificates(jdbc);
        world = new ReportingWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        TestData.signInAsAdmin();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void coordinatorSeesOnlyTheCompletersOfTheirProvinceWithoutACertificateAndARevocationPutsOneBack() throws Exception {
        ReportingWorld.Held sonLa = world.hold("SL-2026-CHUA", world.muongChien, LocalDate.of(2026, 2, 10), DeliveryMode.IN_PERSON,
                OrganisingLevel.COMMUNE, 0, List.of(person("Lò Văn Một", 1), person("Lò Thị Hai", 2), person("Lò Văn Ba", 3)), 4, 4, 1);
        world.hold("HT-2025-CHUA", world.camXuyen, LocalDate.of(2025, 5, 6), DeliveryMode.IN_PERSON, OrganisingLevel.COMMUNE, 0,
                List.of(person("Nguyễn Thị Bốn", 4)), 4);
        world.settle();
        TestData.signInAsAdmin();
        templates.save(sonLa.classId(), CertificateWorld.template("VPĐP-SL"), null);
        IssuedCertificate one = certificates.issue(sonLa.classId(), List.of(sonLa.personIds()[0]), null).getFirst();
        world.settle();

        TestData.signInAsAccount(jdbc, "dp.sonla");
        assertThat(uncertified.count(UncertifiedTrainees.Filter.ALL)).isEqualTo(1);
        assertThat(uncertified.page(UncertifiedTrainees.Filter.ALL, 0, 50)).singleElement().satisfies(l -> {
            assertThat(l.fullName()).as("completed 4 of 4, no certificate").isEqualTo("Lò Thị Hai");
            assertThat(l.classCode()).isEqualTo("SL-2026-CHUA");
            assertThat(l.unitName()).isEqualTo("Mường Chiên");
            assertThat(l.attendedSessions()).isEqualTo(4);
            assertThat(l.sessions()).isEqualTo(4);
        });
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        uncertified.writeCsv(UncertifiedTrainees.Filter.ALL, csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).startsWith("\uFEFF").contains("Họ và tên", "Lò Thị Hai", "SL-2026-CHUA")
                .doesNotContain("Lò Văn Một").doesNotContain("Lò Văn Ba").doesNotContain("Nguyễn Thị Bốn");

        TestData.signInAsAccount(jdbc, "dp.hatinh");
        assertThat(uncertified.page(UncertifiedTrainees.Filter.ALL, 0, 50)).extracting(UncertifiedTrainees.Line::fullName)
                .containsExactly("Nguyễn Thị Bốn");

        TestData.signInAsAdmin();
        assertThat(uncertified.count(UncertifiedTrainees.Filter.ALL)).isEqualTo(2);
        assertThat(uncertified.page(new UncertifiedTrainees.Filter(2025, null), 0, 50)).extracting(UncertifiedTrainees.Line::fullName)
                .containsExactly("Nguyễn Thị Bốn");
        assertThat(uncertified.count(new UncertifiedTrainees.Filter(null, "Chương trình khác"))).isZero();
        assertThat(uncertified.page(UncertifiedTrainees.Filter.ALL, 1, 1)).as("paged").hasSize(1);

        certificates.revoke(one.id(), "Sai năm sinh");
        world.settle();
        TestData.signInAsAccount(jdbc, "dp.sonla");
        assertThat(uncertified.page(UncertifiedTrainees.Filter.ALL, 0, 50)).extracting(UncertifiedTrainees.Line::fullName)
                .containsExactlyInAnyOrder("Lò Văn Một", "Lò Thị Hai");
    }

    private static vn.ntm.portal.person.PersonDetails person(String name, int n) {
        return ReportingWorld.person(name, String.format("0916%06d", n), TraineeLevel.COMMUNE_OFFICIAL);
    }
}
