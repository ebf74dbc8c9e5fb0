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

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificates in force as a counter of the reports: issued ones count under their class by every dimension, a
 * revocation takes one off, and the figures kept from certificate's events equal those of a rebuild.
 */
@SpringBootTest
class CertificateFiguresTest {

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
    @Autowired
    ReportExports exports;
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
    void certificatesInForceCountByProvinceYearAndModeARevocationSubtractsAndARebuildAgrees() {
        ReportingWorld.Held sonLa = world.hold("SL-2026-GCN", world.muongChien, LocalDate.of(2026, 2, 10), DeliveryMode.IN_PERSON,
                OrganisingLevel.COMMUNE, 0, List.of(person("Lò Văn Một", 1), person("Lò Văn Hai", 2), person("Lò Văn Ba", 3)), 4, 4, 1);
        ReportingWorld.Held haTinh = world.hold("HT-2025-GCN", world.camXuyen, LocalDate.of(2025, 5, 6), DeliveryMode.BLENDED,
                OrganisingLevel.PROVINCE, 0, List.of(person("Nguyễn Thị Bốn", 4), person("Nguyễn Thị Năm", 5)), 4, 2);
        world.settle();
        TestData.signInAsAdmin();
        templates.save(sonLa.classId(), CertificateWorld.template("VPĐP-SL"), null);
        templates.save(haTinh.classId(), CertificateWorld.template("VPĐP-HT"), null);
        List<IssuedCertificate> sl = certificates.issue(sonLa.classId(), List.of(sonLa.personIds()[0], sonLa.personIds()[1]), null);
        // an exception to the rule, with its reason, is a certificate in force like the others
        certificates.issue(sonLa.classId(), List.of(sonLa.personIds()[2]), "Ốm, học bù có xác nhận");
        certificates.issue(haTinh.classId(), List.of(haTinh.personIds()[0]), null);
        world.settle();

        ReportSummary all = reports.summary(ReportFilter.all(), EnumSet.allOf(Breakdown.class));
        assertThat(all.total().certificates()).isEqualTo(4);
        assertThat(all.total().completions()).as("completed by the rule: 2 + 1").isEqualTo(3);
        assertThat(byKey(all, Breakdown.UNIT)).containsEntry(String.valueOf(world.sonLa.id()), 3L)
                .containsEntry(String.valueOf(world.haTinh.id()), 1L);
        assertThat(byKey(all, Breakdown.YEAR)).containsEntry("2026", 3L).containsEntry("2025", 1L);
        assertThat(byKey(all, Breakdown.MODE)).containsEntry("IN_PERSON", 3L).containsEntry("BLENDED", 1L);
        assertThat(byKey(all, Breakdown.ORGANISING_LEVEL)).containsEntry("COMMUNE", 3L).containsEntry("PROVINCE", 1L);
        assertThat(byKey(all, Breakdown.TRAINEE_LEVEL)).containsEntry("COMMUNE_OFFICIAL", 4L);
        assertThat(reports.summary(ReportFilter.all().withYear(2026), List.of()).total().certificates()).isEqualTo(3);

        certificates.revoke(sl.getFirst().id(), "Cấp nhầm người");
        world.settle();
        ReportSummary afterRevoke = reports.summary(ReportFilter.all(), EnumSet.allOf(Breakdown.class));
        assertThat(afterRevoke.total().certificates()).isEqualTo(3);
        assertThat(Bulletin.sentence(afterRevoke, ReportExportsTest.T, id -> "?")).as("the sentence offices publish says it too")
                .contains("Đã cấp 3 giấy chứng nhận hoàn thành.");
        assertThat(byKey(afterRevoke, Breakdown.UNIT)).containsEntry(String.valueOf(world.sonLa.id()), 2L);
        // the per-person rows (a filter the cells do not answer) agree with the cells
        ReportFilter byProgramme = new ReportFilter(null, 2026, null, null, null, null, null, false, null, null, null, "NTM 2021-2025",
                null, null, null);
        assertThat(reports.summary(byProgramme, List.of(Breakdown.UNIT)).total().certificates()).isEqualTo(2);
        TestData.signInAsAccount(jdbc, "dp.sonla");
        ReportSummary ownProvince = reports.summary(ReportFilter.all(), List.of(Breakdown.UNIT));
        assertThat(ownProvince.total().certificates()).as("a coordinator sees their province's only").isEqualTo(2);
        String csv = new String(exports.csv(ReportDocument.of(ownProvince, List.of(Breakdown.UNIT), T, id -> "#" + id)),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("Giấy chứng nhận", "Mường Chiên,1,3,9,3,3,2,0,0,0,2");

        TestData.signInAsAdmin();
        reports.rebuild();
        assertThat(reports.summary(ReportFilter.all(), EnumSet.allOf(Breakdown.class))).isEqualTo(afterRevoke);
    }

    private static vn.ntm.portal.person.PersonDetails person(String name, int n) {
        return ReportingWorld.person(name, String.format("0915%06d", n), TraineeLevel.COMMUNE_OFFICIAL);
    }

    private static Map<String, Long> byKey(ReportSummary s, Breakdown b) {
        return s.rows(b).stream().collect(Collectors.toMap(ReportRow::key, r -> r.figures().certificates()));
    }

    static final ResourceBundle VI = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ROOT);
    static final Translator T = (key, args) -> java.text.MessageFormat.format(VI.getString(key), args);
}
