package vn.ntm.portal.training;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.embeddeddb.EmbeddedMariaDb;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The procedure of docs/OPERATIONS.md, run for real: scripts/backup.sh, then the database is dropped and the uploaded
 * files deleted, then scripts/restore.sh; the class's counts, every table's row count and the files come back the same.
 */
@SpringBootTest
class BackupRestoreTest {

    private static final List<String> TABLES = List.of("administrative_unit", "account", "person", "training_class", "class_session",
            "roster_entry", "attendance", "audit_change", "audit_change_field", "curriculum_module", "curriculum_lesson");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
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
    @Value("${portal.files.dir}")
    String filesDir;
    @TempDir
    Path backups;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aBackupRestoredAfterDatabaseAndFilesAreWipedGivesBackTheSameCountsAndFiles() throws Exception {
        assumeTrue(EmbeddedMariaDb.running().isPresent(), "runs against the embedded MariaDB, whose client programs it uses");
        TestData.reset(jdbc);
        TrainingWorld world = new TrainingWorld(jdbc, unitImport, units, accounts);
        TestData.signInAsAdmin();
        long classId = classes.create(TrainingWorld.form("SL-BACKUP-01", world.sonLa, TrainingWorld.today(), TrainingWorld.today().plusDays(1),
                List.of(world.trainerSonLa))).id();
        List<SessionSummary> days = sessions.createBulk(classId, TrainingWorld.today(), TrainingWorld.today().plusDays(1),
                Set.of(SessionPart.MORNING));
        long lan = roster.add(classId, TrainingWorld.person("Lò Thị Lan", "0912000001"));
        long thuong = roster.add(classId, TrainingWorld.person("Cầm Văn Thượng", "0912000002"));
        roster.add(classId, TrainingWorld.person("Quàng Thị Ánh", "0912000003"));
        attendance.mark(days.get(0).id(), lan, AttendanceStatus.PRESENT, "đến sớm", null);
        attendance.mark(days.get(1).id(), lan, AttendanceStatus.LATE, null, null);
        attendance.mark(days.get(0).id(), thuong, AttendanceStatus.EXCUSED, "ốm", null);
        Path file = Path.of(filesDir, "backup-test", "tai-lieu.pdf");
        Files.createDirectories(file.getParent());
        byte[] content = "%PDF-1.4 tài liệu tập huấn".getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);
        ClassCounts before = attendance.counts(classId);
        Map<String, Long> rowsBefore = rowCounts();

        Path backup = backups.resolve("2026-11-23");
        run("scripts/backup.sh", backup);
        assertThat(backup.resolve("database.sql")).isNotEmptyFile();
        assertThat(backup.resolve("SHA256SUMS")).isNotEmptyFile();

        TestData.asSchemaOwner(jdbc).execute((org.springframework.jdbc.core.ConnectionCallback<Object>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("drop database " + EmbeddedMariaDb.DATABASE);
                statement.execute("create database " + EmbeddedMariaDb.DATABASE + " character set utf8mb4 collate utf8mb4_unicode_ci");
            }
            return null;
        });
        forgetConnections();
        deleteFiles();
        assertThatThrownBy(() -> jdbc.queryForObject("select count(*) from attendance", Long.class)).isInstanceOf(DataAccessException.class);
        assertThat(file).doesNotExist();

        run("scripts/restore.sh", backup);
        forgetConnections();

        assertThat(rowCounts()).isEqualTo(rowsBefore);
        assertThat(attendance.counts(classId)).isEqualTo(before);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(jdbc.queryForObject("select note from attendance where person_id = ? and status = 'EXCUSED'", String.class, thuong))
                .isEqualTo("ốm");
        // the audit trail is still append-only after a restore: its triggers came back with it
        assertThatThrownBy(() -> jdbc.update("delete from audit_change")).isInstanceOf(DataAccessException.class);
    }

    @Test
    void aDamagedBackupIsRefusedAndNothingIsTouched() throws Exception {
        assumeTrue(EmbeddedMariaDb.running().isPresent(), "runs against the embedded MariaDB, whose client programs it uses");
        TestData.reset(jdbc);
        new TrainingWorld(jdbc, unitImport, units, accounts);
        Path backup = backups.resolve("damaged");
        Result saved = result("scripts/backup.sh", backup, Map.of("EXPECT_NO_FILES", "1"), null);
        assertThat(saved.exit()).as(saved.output()).isZero();
        Map<String, Long> rowsBefore = rowCounts();
        Files.writeString(backup.resolve("database.sql"), "-- truncated\n");

        Process restore = process("scripts/restore.sh", backup);
        String output = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(restore.waitFor()).as(output).isEqualTo(2);
        assertThat(output).contains("damaged");
        assertThat(rowCounts()).isEqualTo(rowsBefore);
    }

    @Test
    void aBackupRefusesAFilesFolderThatIsMissingForeignOrEmptyInsteadOfSavingNothing() throws Exception {
        assumeTrue(EmbeddedMariaDb.running().isPresent(), "runs against the embedded MariaDB, whose client programs it uses");
        Path elsewhere = Files.createDirectories(backups.resolve("somewhere-else"));
        Path foreign = Files.createDirectories(backups.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "not the portal's");
        Path portalButEmpty = Files.createDirectories(backups.resolve("portal-empty"));
        Files.writeString(portalButEmpty.resolve(".ntm-portal-files"), "mark");

        // run from another folder with no FILES_DIR: the default is the project's data/files, not ./data/files
        Result fromElsewhere = result("scripts/backup.sh", backups.resolve("b1"), Map.of("FILES_DIR", ""), elsewhere);
        Result missing = result("scripts/backup.sh", backups.resolve("b2"), Map.of("FILES_DIR", backups.resolve("nope").toString()), null);
        Result notThePortals = result("scripts/backup.sh", backups.resolve("b3"), Map.of("FILES_DIR", foreign.toString()), null);
        Result empty = result("scripts/backup.sh", backups.resolve("b4"), Map.of("FILES_DIR", portalButEmpty.toString()), null);
        Result emptyAsExpected = result("scripts/backup.sh", backups.resolve("b5"),
                Map.of("FILES_DIR", portalButEmpty.toString(), "EXPECT_NO_FILES", "1"), null);

        if (!Files.isDirectory(Path.of("data/files").toAbsolutePath())) {
            assertThat(fromElsewhere.exit()).as(fromElsewhere.output()).isEqualTo(2);
            assertThat(fromElsewhere.output()).contains(Path.of("data/files").toAbsolutePath().toString());
        }
        for (Result refused : List.of(missing, notThePortals, empty)) {
            assertThat(refused.exit()).as(refused.output()).isEqualTo(2);
            assertThat(refused.output()).contains("nothing saved");
        }
        assertThat(backups.resolve("b2")).doesNotExist();
        assertThat(backups.resolve("b3")).doesNotExist();
        assertThat(backups.resolve("b4")).doesNotExist();
        assertThat(emptyAsExpected.exit()).as(emptyAsExpected.output()).isZero();
    }

    @Test
    void aRestoreRefusesAFilesFolderThatIsNotThePortalsAndDeletesNothing() throws Exception {
        assumeTrue(EmbeddedMariaDb.running().isPresent(), "runs against the embedded MariaDB, whose client programs it uses");
        TestData.reset(jdbc);
        new TrainingWorld(jdbc, unitImport, units, accounts);
        Path backup = backups.resolve("good");
        Result saved = result("scripts/backup.sh", backup, Map.of("EXPECT_NO_FILES", "1"), null);
        assertThat(saved.exit()).as(saved.output()).isZero();
        Map<String, Long> rowsBefore = rowCounts();
        Path someoneElses = Files.createDirectories(backups.resolve("home-of-someone"));
        Files.writeString(someoneElses.resolve("thesis.docx"), "five years of work");

        Result restore = result("scripts/restore.sh", backup, Map.of("FILES_DIR", someoneElses.toString()), null);

        assertThat(restore.exit()).as(restore.output()).isEqualTo(2);
        assertThat(restore.output()).contains("not the portal's files folder").contains("nothing changed");
        assertThat(someoneElses.resolve("thesis.docx")).hasContent("five years of work");
        assertThat(rowCounts()).as("the database was not dropped").isEqualTo(rowsBefore);
    }

    private record Result(int exit, String output) {
    }

    private Result result(String script, Path folder, Map<String, String> extraEnv, Path workingDir) throws Exception {
        ProcessBuilder builder = builder(Path.of(script).toAbsolutePath().toString(), folder);
        builder.environment().putAll(extraEnv);
        if (extraEnv.containsKey("FILES_DIR") && extraEnv.get("FILES_DIR").isEmpty()) {
            builder.environment().remove("FILES_DIR");
        }
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    /** The pool's connections had the dropped database selected; new ones select the restored one. */
    private void forgetConnections() throws SQLException {
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }

    private void deleteFiles() throws IOException {
        try (var paths = Files.walk(Path.of(filesDir))) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(Path.of(filesDir))) {
                    Files.delete(p);
                }
            }
        }
    }

    private void run(String script, Path folder) throws Exception {
        Process process = process(script, folder);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(script + ": " + output).isZero();
    }

    private Process process(String script, Path folder) throws IOException {
        return builder(script, folder).start();
    }

    private ProcessBuilder builder(String script, Path folder) {
        EmbeddedMariaDb db = EmbeddedMariaDb.running().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder("bash", script, folder.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", String.valueOf(db.port()));
        env.put("DB_NAME", EmbeddedMariaDb.DATABASE);
        env.put("DB_USER", EmbeddedMariaDb.MIGRATOR);
        env.put("DB_PASSWORD", db.migratorPassword());
        env.put("FILES_DIR", filesDir);
        env.put("MARIADB_BIN", db.binaries().toString());
        return builder;
    }
}
