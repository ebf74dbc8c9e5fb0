package vn.ntm.portal.curriculum;

import java.util.OptionalDouble;

/**
 * The running time a video file declares, read on the server when it is uploaded, so that watching is measured
 * against the file and not against what a browser says: MP4 from its movie header ("mvhd" in "moov": duration over
 * timescale), WebM from its segment information (Duration times TimecodeScale nanoseconds).
 */
public final class MediaDuration {

    private static final long ONE_DAY_SECONDS = 24 * 3600;

    private MediaDuration() {
    }

    public static OptionalDouble of(byte[] content, LessonFileType type) {
        try {
            double seconds = switch (type) {
                case MP4 -> mp4(content, 0, content.length);
                case WEBM -> webm(content);
                default -> -1;
            };
            return seconds > 0 && seconds < ONE_DAY_SECONDS ? OptionalDouble.of(seconds) : OptionalDouble.empty();
        } catch (RuntimeException malformed) {
            return OptionalDouble.empty();
        }
    }

    /** Walks the boxes of one level; descends into "moov" to find "mvhd". */
    private static double mp4(byte[] b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long size = u32(b, i);
            String type = new String(b, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                size = u64(b, i + 8);
                header = 16;
            } else if (size == 0) {
                size = to - i;
            }
            if (size < header || i + size > to) {
                return -1;
            }
            int body = i + header;
            if (type.equals("moov")) {
                return mp4(b, body, (int) (i + size));
            }
            if (type.equals("mvhd")) {
                int version = b[body] & 0xff;
                if (version == 1) {
                    long timescale = u32(b, body + 4 + 16);
                    long duration = u64(b, body + 4 + 20);
                    return timescale == 0 ? -1 : (double) duration / timescale;
                }
                long timescale = u32(b, body + 4 + 8);
                long duration = u32(b, body + 4 + 12);
                return timescale == 0 || duration == 0xffffffffL ? -1 : (double) duration / timescale;
            }
            i += (int) size;
        }
        return -1;
    }

    private static final int SEGMENT = 0x18538067;
    private static final int INFO = 0x1549A966;
    private static final int TIMECODE_SCALE = 0x2AD7B1;
    private static final int DURATION = 0x4489;

    private static double webm(byte[] b) {
        int[] pos = {0};
        // EBML header, then the Segment, whose Info comes before the clusters
        skipElement(b, pos);
        int id = readId(b, pos);
        if (id != SEGMENT) {
            return -1;
        }
        readSize(b, pos);
        while (pos[0] < b.length) {
            int childId = readId(b, pos);
            long size = readSize(b, pos);
            if (childId == INFO) {
                long end = size < 0 ? b.length : Math.min(b.length, pos[0] + size);
                long scale = 1_000_000;
                double duration = -1;
                while (pos[0] < end) {
                    int field = readId(b, pos);
                    long fieldSize = readSize(b, pos);
                    if (field == TIMECODE_SCALE) {
                        scale = (long) uint(b, pos[0], (int) fieldSize);
                    } else if (field == DURATION) {
                        duration = fieldSize == 4 ? Float.intBitsToFloat((int) uint(b, pos[0], 4))
                                : Double.longBitsToDouble(uint(b, pos[0], 8));
                    }
                    pos[0] += (int) fieldSize;
                }
                return duration < 0 ? -1 : duration * scale / 1e9;
            }
            if (size < 0) {
                return -1;
            }
            pos[0] += (int) size;
        }
        return -1;
    }

    private static void skipElement(byte[] b, int[] pos) {
        readId(b, pos);
        long size = readSize(b, pos);
        pos[0] += (int) size;
    }

    private static int readId(byte[] b, int[] pos) {
        int first = b[pos[0]] & 0xff;
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (length < 1 || length > 4) {
            throw new IllegalArgumentException("EBML id");
        }
        int id = (int) uint(b, pos[0], length);
        pos[0] += length;
        return id;
    }

    /** A variable-length size; -1 for "unknown" (all value bits set). */
    private static long readSize(byte[] b, int[] pos) {
        int first = b[pos[0]] & 0xff;
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (length < 1 || length > 8) {
            throw new IllegalArgumentException("EBML size");
        }
        long value = first & (0xff >> length);
        boolean unknown = value == (0xff >> length);
        for (int k = 1; k < length; k++) {
            int next = b[pos[0] + k] & 0xff;
            value = (value << 8) | next;
            unknown &= next == 0xff;
        }
        pos[0] += length;
        return unknown ? -1 : value;
    }

    private static long uint(byte[] b, int at, int length) {
        if (length < 0 || length > 8 || at + length > b.length) {
            throw new IllegalArgumentException("EBML value");
        }
        long value = 0;
        for (int k = 0; k < length; k++) {
            value = (value << 8) | (b[at + k] & 0xff);
        }
        return value;
    }

    private static long u32(byte[] b, int at) {
        return uint(b, at, 4);
    }

    private static long u64(byte[] b, int at) {
        return uint(b, at, 8);
    }
}
