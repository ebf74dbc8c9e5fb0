package vn.ntm.portal.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Spreadsheets (XLSX) are ZIP archives, and a small archive can expand to gigabytes. Before a reader opens one,
 * this reads it the way the workbook reader does, through the central directory, inflating every entry into nothing
 * and counting: it refuses an archive whose declared or real sizes exceed a limit (the reading stops at the limit),
 * and one it cannot read to the end, since the reader may skip an entry that does not inflate and inflate something
 * else. It then walks the entries from the start too (as a stream reader would) with the same limit; that walk stops
 * quietly where the local headers cannot be followed, as in workbooks written by streaming writers (FastExcel's own
 * template), whose sizes only the central directory holds.
 */
public final class Archives {

    /** What a real roster or list of past classes expands to, with a wide margin. */
    public static final long MAX_INFLATED_BYTES = 200L * 1024 * 1024;
    private static final int MAX_ENTRIES = 10_000;

    private Archives() {
    }

    /**
     * @param unreadableKey the translation key of the refusal for an archive that cannot be read to the end (the
     *                      caller's "not a spreadsheet")
     */
    public static void requireModest(byte[] archive, String unreadableKey) {
        try {
            throughCentralDirectory(archive);
            entryByEntry(archive);
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof ValidationException refusal) {
                throw refusal;
            }
            throw new ValidationException(unreadableKey);
        }
    }

    private static void throughCentralDirectory(byte[] archive) throws IOException {
        Path temp = Files.createTempFile("ntm-upload", ".zip");
        try {
            Files.write(temp, archive);
            try (ZipFile zip = new ZipFile(temp.toFile())) {
                if (zip.size() > MAX_ENTRIES) {
                    throw tooLarge();
                }
                if (zip.size() == 0) {
                    throw new IOException("an archive without entries");
                }
                long declared = 0;
                Counter inflated = new Counter();
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    declared += Math.max(entry.getSize(), 0);
                    if (declared > MAX_INFLATED_BYTES) {
                        throw tooLarge();
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        inflated.drain(in);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void entryByEntry(byte[] archive) {
        Counter inflated = new Counter();
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw tooLarge();
                }
                inflated.drain(zip);
            }
        } catch (IOException | IllegalArgumentException unfollowable) {
            // measured through the central directory already
        }
    }

    /** Inflated bytes of one archive, all entries together, with the reading stopped at the limit. */
    private static final class Counter {
        private final byte[] buffer = new byte[64 * 1024];
        private long total;

        void drain(InputStream in) throws IOException {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > MAX_INFLATED_BYTES) {
                    throw tooLarge();
                }
            }
        }
    }

    private static ValidationException tooLarge() {
        return new ValidationException("import.error.archiveTooLarge", MAX_INFLATED_BYTES / (1024 * 1024));
    }
}
