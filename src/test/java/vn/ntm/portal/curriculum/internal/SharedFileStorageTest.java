package vn.ntm.portal.curriculum.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lesson files every portal node serves from one shared directory: written as streams, visible under their key
 * only once complete, read back in ranges (a video seeking on a weak connection).
 */
class SharedFileStorageTest {

    @TempDir
    Path shared;

    @Test
    void aFiftyMegabyteVideoIsStoredWithoutEverBeingWholeInMemory() throws Exception {
        LocalFileStorage storage = new LocalFileStorage(shared.toString());
        long size = 50L * 1024 * 1024;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        String key = storage.store(new Pattern(size, null, 0), "mp4");

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(Files.size(storage.path(key))).isEqualTo(size);
        // a copy of the file on the heap would be 50 MB; the copy goes through small buffers
        assertThat(allocated).isLessThan(8L * 1024 * 1024);
        try (InputStream back = storage.resource(key).getInputStream()) {
            back.skipNBytes(size - 1);
            assertThat(back.read()).isEqualTo(Pattern.byteAt(size - 1));
        }
    }

    @Test
    void aFileStillBeingUploadedIsNeverVisibleUnderItsKey() throws Exception {
        LocalFileStorage storage = new LocalFileStorage(shared.toString());
        CountDownLatch halfWritten = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        try (var uploader = Executors.newSingleThreadExecutor()) {
            var upload = uploader.submit(() -> storage.store(new Pattern(4 * 1024 * 1024, new CountDownLatch[]{halfWritten, goOn}, 2 * 1024 * 1024), "pdf"));
            assertThat(halfWritten.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(keyedFiles()).isEmpty();

            goOn.countDown();
            String key = upload.get(10, TimeUnit.SECONDS);
            assertThat(keyedFiles()).containsExactly(key);
            assertThat(Files.size(storage.path(key))).isEqualTo(4 * 1024 * 1024);
        }
        try (Stream<Path> files = Files.list(shared)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void aRangeRequestGetsExactlyThoseBytesWithPartialContent() throws Exception {
        LocalFileStorage storage = new LocalFileStorage(shared.toString());
        String key = storage.store(new Pattern(1024 * 1024, null, 0), "webm");
        MockMvc http = MockMvcBuilders.standaloneSetup(new Serving(storage)).build();
        byte[] expected = new byte[100];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) Pattern.byteAt(500_000 + i);
        }

        http.perform(get("/files/" + key).header("Range", "bytes=500000-500099"))
                .andExpect(status().isPartialContent())
                .andExpect(content().bytes(expected));
    }

    /** Serves a stored file the way LessonFileController does: its resource as the body. */
    @RestController
    record Serving(LocalFileStorage storage) {
        @GetMapping("/files/{key}")
        Resource file(@PathVariable String key) {
            return storage.resource(key);
        }
    }

    private List<String> keyedFiles() throws Exception {
        try (Stream<Path> files = Files.list(shared)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.matches("[0-9a-f-]{36}\\.[a-z0-9]{1,5}")).toList();
        }
    }

    /** A stream of {@code size} bytes made up as they are read (no array of that size anywhere), optionally pausing. */
    private static final class Pattern extends InputStream {
        private final long size;
        private final CountDownLatch[] pause;
        private final long pauseAt;
        private long position;

        Pattern(long size, CountDownLatch[] pause, long pauseAt) {
            this.size = size;
            this.pause = pause;
            this.pauseAt = pauseAt;
        }

        static int byteAt(long position) {
            return (int) ((position * 31 + 7) & 0xff);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            if (pause != null && position == pauseAt) {
                pause[0].countDown();
                try {
                    pause[1].await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            long end = pause != null && position < pauseAt ? pauseAt : size;
            int n = (int) Math.min(len, end - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) byteAt(position + i);
            }
            position += n;
            return n;
        }
    }
}
