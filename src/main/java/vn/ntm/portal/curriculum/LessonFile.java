package vn.ntm.portal.curriculum;

import java.nio.file.Path;

/** The file of a video or document lesson, for streaming: {@code resource} is served with range requests. */
public record LessonFile(Path path, org.springframework.core.io.Resource resource, String mediaType, String fileName, long size) {
}
