package vn.ntm.portal.certificate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionPart;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two trainers of classes whose certificates the same office signs issue at the same moment, one certificate per
 * call: every number is used once, and the numbers run 1..n without a gap. {@code -Dcertificates.perTrainer=50}
 * runs it smaller.
 */
@SpringBootTest
class CertificateNumberingTest {

    static final int PER_TRAINER = Integer.getInteger("certificates.perTrainer", 500);

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
    CertificateService certificates;
    @Autowired
    CertificateTemplates templates;

    @Test
    void twoTrainersIssuingFiveHundredEachAtOnceGetUniqueGaplessNumbers() throws Exception {
        CertificateWorld world = new CertificateWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        LocalDate start = LocalDate.of(2026, 4, 6);
        long sonLaClass = world.classId;
        long haTinhClass = classes.create(CertificateWorld.form("HT-GCN-01", world.haTinh, start, List.of(world.trainerHaTinh), 80)).id();
        sessions.createBulk(haTinhClass, start, start, Set.of(SessionPart.MORNING));
        List<Long> sonLaCrowd = CertificateWorld.crowd(jdbc, sonLaClass, "Học viên Sơn La", PER_TRAINER);
        List<Long> haTinhCrowd = CertificateWorld.crowd(jdbc, haTinhClass, "Học viên Hà Tĩnh", PER_TRAINER);
        // one office signs for both classes (a ministry's programme): one sequence
        TestData.signInAsAccount(jdbc, "dp.sonla");
        templates.save(sonLaClass, CertificateWorld.template("VPĐP"), null);
        TestData.signInAsAccount(jdbc, "dp.hatinh");
        templates.save(haTinhClass, CertificateWorld.template("VPĐP"), null);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> issueOneByOne("gv.sonla", sonLaClass, sonLaCrowd, go));
            Future<Integer> b = pool.submit(() -> issueOneByOne("gv.hatinh", haTinhClass, haTinhCrowd, go));
            go.countDown();
            assertThat(a.get() + b.get()).isEqualTo(2 * PER_TRAINER);
        } finally {
            pool.shutdown();
        }

        List<Integer> numbers = jdbc.queryForList("select sequence_number from certificate where office_code = 'VPĐP' order by 1", Integer.class);
        assertThat(numbers).hasSize(2 * PER_TRAINER).doesNotHaveDuplicates();
        assertThat(numbers.getFirst()).isEqualTo(1);
        assertThat(numbers.getLast()).as("no gaps").isEqualTo(2 * PER_TRAINER);
        assertThat(jdbc.queryForObject("select last_number from certificate_counter where office_code = 'VPĐP'", Integer.class))
                .isEqualTo(2 * PER_TRAINER);
        // both trainers' certificates are interleaved in the sequence: they really ran at the same time
        assertThat(jdbc.queryForObject("select count(distinct class_id) from certificate where sequence_number <= ?", Integer.class,
                PER_TRAINER)).isEqualTo(2);
    }

    private int issueOneByOne(String trainer, long classId, List<Long> people, CountDownLatch go) throws InterruptedException {
        TestData.signInAsAccount(jdbc, trainer);
        go.await();
        int issued = 0;
        try {
            for (long person : people) {
                issued += certificates.issue(classId, List.of(person), null).size();
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        return issued;
    }
}
