package vn.ntm.portal.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Spreadsheets (XLSX, ODS) are ZIP archives, and a small archive can expand to gigabytes. Before a reader opens one,
 * this walks it once, inflating into nothing and counting, and refuses it when it would expand beyond a limit —
 * counted from the real bytes, since the sizes an archive declares can lie.
 */
public final class Archives {

    /** What a real roster or list of past classes expands to, with a wide margin. */
    public static final long MAX_INFLATED_BYTES = 200L * 1024 * 1024;
    private static final int MAX_ENTRIES = 10_000;

    private Archives() {
    }

    public static void requireModest(byte[] archive) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw tooLarge();
                }
                for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
                    total += read;
                    if (total > MAX_INFLATED_BYTES) {
                        throw tooLarge();
                    }
                }
            }
        } catch (IOException | IllegalArgumentException broken) {
            // a damaged archive is left to the reader, which refuses it with its own message
        }
    }

    private static ValidationException tooLarge() {
        return new ValidationException("import.error.archiveTooLarge", MAX_INFLATED_BYTES / (1024 * 1024));
    }
}
