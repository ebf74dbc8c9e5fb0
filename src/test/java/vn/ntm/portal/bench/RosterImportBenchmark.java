package vn.ntm.portal.bench;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.portal.TestData;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;
import vn.ntm.portal.training.RosterImportService;
import vn.ntm.portal.training.RosterPreview;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster import target of issue 4, measured: a 10,000-row XLSX file (a fifth of its rows already stored
 * persons found by national ID, a fifth by phone written as +84 …, a few lookalikes, the rest new) previewed
 * and committed into a class, with 20,000 other persons in the table. Not part of the build; run with
 * {@code ./mvnw test -Dtest=RosterImportBenchmark -Dbench=true} (figures in target/bench/roster-import.md).
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RosterImportBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 10_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

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
    RosterImportService imports;

    @Test
    void tenThousandRowsArePreviewedAndCommitted() throws Exception {
        ViewTestData.load(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        long province = units.findByCode("14").orElseThrow().id();
        long commune = units.findByCode("03688").orElseThrow().id();
        StringBuilder report = new StringBuilder("# Roster import (%s)\nrows: %d, JVM %s\n\n| round | file | read + check + match (preview) | commit | total | heap used after |\n|---|---|---|---|---|---|\n"
                .formatted(Instant.now(), ROWS, Runtime.version()));
        for (int round = 1; round <= ROUNDS; round++) {
            storeOthers(round, commune);
            byte[] file = workbook(round);
            long classId = classes.create(new ClassForm("BENCH-R" + round, "Lớp đo nhập danh sách " + round, null, null, province, null,
                    OrganisingLevel.PROVINCE, null, DeliveryMode.IN_PERSON, "Hội trường", null, LocalDate.of(2026, 5, 4),
                    LocalDate.of(2026, 5, 5), null, null, ClassStatus.OPEN, 80, List.of())).id();
            System.gc();
            long t0 = System.nanoTime();
            RosterPreview preview = imports.preview(classId, file);
            long t1 = System.nanoTime();
            int added = imports.commit(classId, preview, false, true, (done, total) -> { });
            long t2 = System.nanoTime();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

            assertThat(preview.invalid()).isZero();
            assertThat(preview.byNationalId()).isEqualTo(ROWS / 5);
            assertThat(preview.byPhone()).isEqualTo(ROWS / 5);
            assertThat(added).isEqualTo(ROWS);
            report.append("| %d | %d KB | %.2f s | %.2f s | %.2f s | %d MB |\n".formatted(round, file.length / 1024, (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (t2 - t0) / 1e9, heap / (1024 * 1024)));
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/roster-import.md"), report);
    }

    /** Persons of earlier classes: those the file finds by national ID and by phone, and 10,000 unrelated ones. */
    private void storeOthers(int round, long commune) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            int kind = i % 5;
            if (kind == 0) {
                rows.add(new Object[] {"Người cũ " + round + "-" + i, null, nationalId(round, i), 1970 + i % 30, null, now});
            } else if (kind == 1) {
                rows.add(new Object[] {"Người cũ " + round + "-" + i, phone(round, i), null, 1970 + i % 30, null, now});
            } else if (kind == 2 && i % 100 == 2) {
                // same name, birth year and commune as a row of the file: a possible duplicate
                rows.add(new Object[] {"Người mới " + round + "-" + i, null, null, 1970 + i % 30, commune, now});
            }
            rows.add(new Object[] {"Người khác " + round + "-" + i, null, null, 1950 + i % 50, null, now});
        }
        jdbc.batchUpdate("insert into person (full_name, phone, national_id, birth_year, commune_id, created_at) values (?, ?, ?, ?, ?, ?)", rows);
    }

    private static byte[] workbook(int round) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Benchmark", "1.0");
        Worksheet ws = wb.newWorksheet("Danh sách");
        String[] header = {"Họ và tên", "Giới tính", "Năm sinh", "Số điện thoại", "Số CCCD", "Xã/phường", "Chức vụ", "Đối tượng", "Cơ quan/đơn vị"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        for (int i = 0; i < ROWS; i++) {
            int r = i + 1;
            int kind = i % 5;
            String name = kind <= 1 ? "Người cũ " + round + "-" + i : "Người mới " + round + "-" + i;
            ws.value(r, 0, name);
            ws.value(r, 1, i % 2 == 0 ? "Nam" : "Nữ");
            ws.value(r, 2, 1970 + i % 30);
            String phone = phone(round, i);
            // phones in the written forms people use: +84 9.., 09.. with spaces, dots
            ws.value(r, 3, switch (kind) {
                case 1 -> "+84 " + phone.substring(1, 4) + " " + phone.substring(4);
                case 0 -> "";
                default -> phone.substring(0, 4) + "." + phone.substring(4, 7) + "." + phone.substring(7);
            });
            if (kind == 0) {
                ws.value(r, 4, nationalId(round, i));
            }
            ws.value(r, 5, kind == 2 ? "Mường Chiên" : "03646");
            ws.value(r, 6, "Cán bộ");
            ws.value(r, 7, i % 3 == 0 ? "Người dân" : "Cán bộ cấp xã");
            ws.value(r, 8, "UBND xã");
        }
        wb.finish();
        return out.toByteArray();
    }

    private static String phone(int round, int i) {
        return String.format("09%d%07d", round, i);
    }

    private static String nationalId(int round, int i) {
        return String.format("0140%d%07d", round, i);
    }
}
