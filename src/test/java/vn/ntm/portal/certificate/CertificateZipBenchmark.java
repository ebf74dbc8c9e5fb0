package vn.ntm.portal.certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.training.AttendanceService;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.RosterService;
import vn.ntm.portal.training.SessionService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ZIP of a class of 1,500 trainees (one online class of the ministry), measured: the time to write it and the
 * heap it takes. The ZIP goes to a stream that counts and drops the bytes, as a fast network would take them.
 * Time: the first ZIP of the JVM. Heap, in a second round: the live heap (after a full collection every second: what
 * the download really keeps), and the highest heap in use sampled every 5 ms (which also counts garbage not yet
 * collected), both above the heap after a full collection before the round. {@code -DargLine=-Xmx160m} shows that
 * it runs in a small heap.
 * Run: {@code ./mvnw test -Dtest=CertificateZipBenchmark -Dbench=true} (figures in target/bench/ and the log);
 * {@code -Dbench.certificates=N} for another size.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CertificateZipBenchmark {

    static final int CERTIFICATES = Integer.getInteger("bench.certificates", 1500);

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
    @Autowired
    CertificateDocuments documents;

    @Test
    void zipOfAClassOfFifteenHundred() throws Exception {
        CertificateWorld world = new CertificateWorld(jdbc, unitImport, units, accounts, classes, sessions, roster, attendance);
        List<Long> crowd = CertificateWorld.crowd(jdbc, world.classId, "Học viên trực tuyến", CERTIFICATES);
        TestData.signInAsAccount(jdbc, "dp.sonla");
        long templateId = templates.save(world.classId, CertificateWorld.template("VPĐP"), null).id();
        templates.setSeal(templateId, seal());
        long t0 = System.nanoTime();
        int issued = certificates.issue(world.classId, crowd, null).size();
        double issueSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(issued).isEqualTo(CERTIFICATES);

        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // round 1, timed alone (the first run in this JVM: class loading and the JIT's warm-up count against it)
        Counting out = new Counting();
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        documents.writeZip(world.classId, out);
        double zipSeconds = (System.nanoTime() - t1) / 1e9;
        // on a shared machine the wall time waits for the processor too: the CPU time the writing thread used tells the cost
        double zipCpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        // round 2, for the heap: a full collection every second tells what the download really keeps alive
        System.gc();
        long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        AtomicLong peakLive = new AtomicLong(baseline);
        AtomicLong peakSampled = new AtomicLong(baseline);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            long nextGc = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                if (System.nanoTime() >= nextGc) {
                    System.gc();
                    peakLive.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    nextGc = System.nanoTime() + 1_000_000_000L;
                }
                peakSampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        documents.writeZip(world.classId, OutputStream.nullOutputStream());
        sampler.interrupt();
        sampler.join();
        long mb = 1024 * 1024;
        String report = String.format("""
                # Certificate ZIP (%s)
                certificates: %d, JVM %s, max heap %d MB, %d processors, load average before %.1f

                | step | time (wall) | CPU time of the writing thread | ZIP size | live heap above baseline (peak, full GC every second) | heap in use above baseline (peak sampled every 5 ms) |
                |---|---|---|---|---|---|
                | issue %d in one call | %.1f s | | | | |
                | ZIP of the class | %.1f s (%.1f ms per certificate) | %.1f s | %.1f MB | %d MB | %d MB |
                """, java.time.Instant.now(), CERTIFICATES, Runtime.version(), Runtime.getRuntime().maxMemory() / mb,
                Runtime.getRuntime().availableProcessors(), load, CERTIFICATES, issueSeconds, zipSeconds, zipSeconds * 1000 / CERTIFICATES, zipCpuSeconds,
                out.count / (double) mb, Math.max(0, peakLive.get() - baseline) / mb,
                Math.max(0, peakSampled.get() - baseline) / mb);
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/certificate-zip.md"), report);
        assertThat(out.count).isPositive();
    }

    private static byte[] seal() throws Exception {
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(new Color(200, 0, 0));
        g.setStroke(new java.awt.BasicStroke(12));
        g.drawOval(20, 20, 360, 360);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
