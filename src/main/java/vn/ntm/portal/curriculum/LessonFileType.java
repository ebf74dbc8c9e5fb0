package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

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

    /**
     * Brands of the ISO base media files browsers play as video/mp4. HEIC/AVIF pictures, QuickTime and 3GP files also
     * start with an "ftyp" box, but with other brands, and are refused.
     */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "dash", "M4V ", "M4A ", "mp71", "av01", "msnv", "XAVC", "MSNV", "f4v ");

    /**
     * What the content is, from its first bytes: MP4 has an "ftyp" box with an MP4 brand, WebM starts with the EBML
     * magic and names "webm" as its document type (Matroska files, which browsers do not all play, name "matroska"),
     * PDF starts with "%PDF-".
     */
    public static @Nullable LessonFileType detect(byte[] content) {
        if (content.length >= 12 && Arrays.equals(content, 4, 8, ascii("ftyp"), 0, 4)
                && MP4_BRANDS.contains(new String(content, 8, 4, StandardCharsets.US_ASCII))) {
            return MP4;
        }
        if (content.length >= 4 && (content[0] & 0xff) == 0x1a && (content[1] & 0xff) == 0x45
                && (content[2] & 0xff) == 0xdf && (content[3] & 0xff) == 0xa3 && webmDocType(content)) {
            return WEBM;
        }
        if (content.length >= 5 && Arrays.equals(content, 0, 5, ascii("%PDF-"), 0, 5)) {
            return PDF;
        }
        return null;
    }

    /** The DocType element (id 0x4282) of the EBML header, which comes within its first few dozen bytes, says "webm". */
    private static boolean webmDocType(byte[] content) {
        int end = Math.min(content.length, 64);
        for (int i = 4; i + 2 < end; i++) {
            if ((content[i] & 0xff) == 0x42 && (content[i + 1] & 0xff) == 0x82) {
                int size = (content[i + 2] & 0xff) & 0x7f;
                return size >= 4 && i + 3 + 4 <= content.length && Arrays.equals(content, i + 3, i + 7, ascii("webm"), 0, 4);
            }
        }
        return false;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
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
