package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The files a lesson accepts, recognised by their first bytes, never by their name. */
public enum LessonFileType {
    MP4("video/mp4", "mp4", LessonKind.VIDEO),
    WEBM("video/webm", "webm", LessonKind.VIDEO),
    PDF("application/pdf", "pdf", LessonKind.DOCUMENT);

    private final String mediaType;
    private final String extension;
    private final LessonKind kind;

    LessonFileType(String mediaType, String extension, LessonKind kind) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.kind = kind;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public LessonKind kind() {
        return kind;
    }

    /** What the content is: MP4 has "ftyp" at offset 4, WebM starts with the EBML magic, PDF with "%PDF-". */
    public static @Nullable LessonFileType detect(byte[] content) {
        if (content.length >= 12 && Arrays.equals(content, 4, 8, "ftyp".getBytes(StandardCharsets.US_ASCII), 0, 4)) {
            return MP4;
        }
        if (content.length >= 4 && (content[0] & 0xff) == 0x1a && (content[1] & 0xff) == 0x45
                && (content[2] & 0xff) == 0xdf && (content[3] & 0xff) == 0xa3) {
            return WEBM;
        }
        if (content.length >= 5 && Arrays.equals(content, 0, 5, "%PDF-".getBytes(StandardCharsets.US_ASCII), 0, 5)) {
            return PDF;
        }
        return null;
    }

    public static @Nullable LessonFileType ofMediaType(@Nullable String mediaType) {
        for (LessonFileType type : values()) {
            if (type.mediaType.equals(mediaType)) {
                return type;
            }
        }
        return null;
    }
}
