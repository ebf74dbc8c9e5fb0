package vn.ntm.portal.curriculum;

import java.nio.file.Path;

/**
 * Where uploaded lesson files (videos, documents) are kept. The portal ships a local-directory implementation
 * ({@code portal.files.dir}); another store (object storage, a network share) implements this interface.
 */
public interface FileStorage {

    /** Stores the bytes under a new key, which is returned. */
    String store(byte[] content, String extension);

    /** The file of a key, for streaming (with range requests) to the browser. */
    Path path(String key);

    void delete(String key);
}
