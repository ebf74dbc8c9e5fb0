package vn.ntm.portal.curriculum.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;

/**
 * Receives a lesson file with the size limit held on the server: a file announced as larger is refused before any of
 * it is read, and the body is read only up to the limit (plus one byte, to know it was over), so an oversized upload
 * never fills memory whatever the browser was told. What arrives goes to the service, which checks the content.
 */
class LessonFileUpload implements UploadHandler {

    private final long maxBytes;
    private final BiConsumer<String, byte[]> received;
    private final Runnable tooLarge;

    /** Both callbacks run in the UI's lock. */
    LessonFileUpload(long maxBytes, BiConsumer<String, byte[]> received, Runnable tooLarge) {
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
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        }
        if (bytes.length > maxBytes) {
            event.reject("too large");
            ui.access(tooLarge::run);
            return;
        }
        String name = event.getFileName();
        ui.access(() -> received.accept(name, bytes));
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }
}
