package vn.ntm.portal.curriculum;

import java.nio.file.Path;

/** The file of a video or document lesson, for streaming. */
public record LessonFile(Path path, String mediaType, String fileName, long size) {
}
