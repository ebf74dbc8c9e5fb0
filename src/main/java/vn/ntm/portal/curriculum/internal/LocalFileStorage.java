package vn.ntm.portal.curriculum.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ntm.portal.curriculum.FileStorage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/** Lesson files in a local directory ({@code portal.files.dir}, default {@code data/files}), named by random keys. */
@Component
class LocalFileStorage implements FileStorage {

    /**
     * Written into the folder at start: scripts/restore.sh replaces the contents of a folder only if it carries this
     * mark (or is empty), so a mistyped FILES_DIR cannot wipe something else, and scripts/backup.sh refuses to save a
     * folder that is not the portal's.
     */
    static final String MARKER = ".ntm-portal-files";
    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}\\.[a-z0-9]{1,5}");

    private final Path root;

    LocalFileStorage(@Value("${portal.files.dir:data/files}") String directory) {
        this.root = Path.of(directory).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            Path marker = root.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "Uploaded files of the NTM training portal (portal.files.dir)."
                        + " scripts/restore.sh replaces the contents of this folder.\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The files folder " + root + " cannot be written", e);
        }
    }

    @Override
    public String store(byte[] content, String extension) {
        String key = UUID.randomUUID() + "." + extension;
        try {
            Files.createDirectories(root);
            Path temp = Files.createTempFile(root, "upload", ".part");
            Files.write(temp, content);
            Files.move(temp, root.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    @Override
    public Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a file key: " + key);
        }
        return root.resolve(key);
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
