package vn.ntm.portal.curriculum.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.ntm.portal.curriculum.FileStorage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Lesson files in a directory ({@code portal.files.dir}, env {@code PORTAL_FILES_DIR}, default {@code data/files}),
 * named by random keys. With several portal nodes, every node mounts the same directory (NFS). An upload is copied
 * from its stream 64 KB at a time into a temporary name in the same directory ({@code upload*.part}), forced to
 * disk, then renamed to its key in one step: the key names a complete file or nothing, on every node.
 */
@Component
class LocalFileStorage implements FileStorage {

    /**
     * Written into the folder at start: scripts/restore.sh replaces the contents of a folder only if it carries this
     * mark (or is empty), so a mistyped FILES_DIR cannot wipe something else, and scripts/backup.sh refuses to save a
     * folder that is not the portal's.
     */
    static final String MARKER = ".ntm-portal-files";
    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}\\.[a-z0-9]{1,5}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,5}");

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
    public String store(InputStream content, String extension) {
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("Not a file extension: " + extension);
        }
        String key = UUID.randomUUID() + "." + extension;
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = Files.createTempFile(root, "upload", ".part");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            move(temp, root.resolve(key));
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        return key;
    }

    /** One rename within one directory (atomic on local disks and NFS); a store that cannot, falls back to a plain move. */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(java.nio.file.@org.jspecify.annotations.Nullable Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray .part file is harmless: no key names it
            }
        }
    }

    @Override
    public Resource resource(String key) {
        return new FileSystemResource(path(key));
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
