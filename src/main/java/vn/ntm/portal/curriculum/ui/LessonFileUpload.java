package vn.ntm.portal.curriculum.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * Receives a lesson file with the size limit held on the server: a file announced as larger is refused before any of
 * it is read, and the body is read only up to the limit (plus one byte, to know it was over), so an oversized upload
 * never fills anything whatever the browser was told. What arrives is copied 64 KB at a time into a temporary file
 * (never whole in memory: a 50 MB video on a busy day is many such uploads), which the service checks and streams into
 * the file store; the temporary file is deleted afterwards.
 */
class LessonFileUpload implements UploadHandler {

    private final long maxBytes;
    private final BiConsumer<String, Path> received;
    private final Runnable tooLarge;

    /** Both callbacks run in the UI's lock. */
    LessonFileUpload(long maxBytes, BiConsumer<String, Path> received, Runnable tooLarge) {
        this.maxBytes = maxBytes;
        this.received = received;
        this.tooLarge = tooLarge;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        if (event.getFileSize() > maxBytes) {
            event.reject("too large");
            ui.access(tooLarge::run);
            return;
        }
        Path temp = Files.createTempFile("lesson-upload", ".part");
        boolean handedOver = false;
        try {
            long copied = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(temp)) {
                for (int n; copied <= maxBytes && (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    copied += n;
                }
            }
            if (copied > maxBytes) {
                event.reject("too large");
                ui.access(tooLarge::run);
                return;
            }
            String name = event.getFileName();
            // the service reads the file in the UI's lock; it is deleted right after
            ui.access(() -> {
                try {
                    received.accept(name, temp);
                } finally {
                    deleteQuietly(temp);
                }
            });
            handedOver = true;
        } finally {
            if (!handedOver) {
                deleteQuietly(temp);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the system's temporary folder is cleaned anyway
        }
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }
}
