package vn.ntm.portal.embeddeddb;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The embedded server's two account passwords, generated on first start and kept in a file beside the data folder
 * (readable by its owner only), so that a restarted quick start and the operator's own client find the same ones.
 */
record Passwords(String migrator, String application) {

    static Passwords keptBeside(Path dataDir) {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-accounts.properties");
        try {
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    stored.load(in);
                }
            }
            String migrator = stored.getProperty(EmbeddedMariaDb.MIGRATOR);
            String application = stored.getProperty(EmbeddedMariaDb.APPLICATION);
            if (migrator != null && application != null) {
                return new Passwords(migrator, application);
            }
            Passwords fresh = new Passwords(generate(), generate());
            stored.setProperty(EmbeddedMariaDb.MIGRATOR, fresh.migrator());
            stored.setProperty(EmbeddedMariaDb.APPLICATION, fresh.application());
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                stored.store(out, "Passwords of the embedded MariaDB's accounts (127.0.0.1 only)");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile folder already keeps it private
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex only, so that it goes into SQL and shell without quoting trouble. */
    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
