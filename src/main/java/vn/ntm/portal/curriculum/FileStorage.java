package vn.ntm.portal.curriculum;

import org.springframework.core.io.Resource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where uploaded lesson files (videos, documents) are kept. The portal ships a directory implementation
 * ({@code portal.files.dir}); with several portal nodes that directory is shared by all of them (NFS in production,
 * docs/OPERATIONS.md). Files are written as streams, never whole in memory, under a temporary name, and renamed to
 * their key only once complete: no node ever serves half a file.
 */
public interface FileStorage {

    /** Stores the stream's bytes under a new key, which is returned once the file is complete under that key. */
    String store(InputStream content, String extension);

    /** Stores the bytes under a new key, which is returned. */
    default String store(byte[] content, String extension) {
        return store(new ByteArrayInputStream(content), extension);
    }

    /** The file of a key as a resource Spring serves with range requests (206 Partial Content). */
    Resource resource(String key);

    /** The file of a key on the local file system, for the readers that need one (media duration of older files). */
    Path path(String key);

    void delete(String key);
}
