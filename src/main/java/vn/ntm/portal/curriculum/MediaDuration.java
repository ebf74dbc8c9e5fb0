package vn.ntm.portal.curriculum;

import java.nio.ByteBuffer;
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
        return of(ByteBuffer.wrap(content), type);
    }

    /** The same from a buffer, e.g. a file mapped into memory: an uploaded video is read without a copy on the heap. */
    public static OptionalDouble of(ByteBuffer content, LessonFileType type) {
        try {
            double seconds = switch (type) {
                case MP4 -> mp4(content, 0, content.limit());
                case WEBM -> webm(content);
                default -> -1;
            };
            return seconds > 0 && seconds < ONE_DAY_SECONDS ? OptionalDouble.of(seconds) : OptionalDouble.empty();
        } catch (RuntimeException malformed) {
            return OptionalDouble.empty();
        }
    }

    /** Walks the boxes of one level; descends into "moov" to find "mvhd". */
    private static double mp4(ByteBuffer b, int from, int to) {
        int i = from;
        while (i + 8 <= to) {
            long size = u32(b, i);
            String type = ascii4(b, i + 4);
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
                int version = b.get(body) & 0xff;
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

    private static double webm(ByteBuffer b) {
        int[] pos = {0};
        // EBML header, then the Segment, whose Info comes before the clusters
        skipElement(b, pos);
        int id = readId(b, pos);
        if (id != SEGMENT) {
            return -1;
        }
        readSize(b, pos);
        while (pos[0] < b.limit()) {
            int childId = readId(b, pos);
            long size = readSize(b, pos);
            if (childId == INFO) {
                long end = size < 0 ? b.limit() : Math.min(b.limit(), pos[0] + size);
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

    private static void skipElement(ByteBuffer b, int[] pos) {
        readId(b, pos);
        long size = readSize(b, pos);
        pos[0] += (int) size;
    }

    private static int readId(ByteBuffer b, int[] pos) {
        int first = b.get(pos[0]) & 0xff;
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (length < 1 || length > 4) {
            throw new IllegalArgumentException("EBML id");
        }
        int id = (int) uint(b, pos[0], length);
        pos[0] += length;
        return id;
    }

    /** A variable-length size; -1 for "unknown" (all value bits set). */
    private static long readSize(ByteBuffer b, int[] pos) {
        int first = b.get(pos[0]) & 0xff;
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (length < 1 || length > 8) {
            throw new IllegalArgumentException("EBML size");
        }
        long value = first & (0xff >> length);
        boolean unknown = value == (0xff >> length);
        for (int k = 1; k < length; k++) {
            int next = b.get(pos[0] + k) & 0xff;
            value = (value << 8) | next;
            unknown &= next == 0xff;
        }
        pos[0] += length;
        return unknown ? -1 : value;
    }

    private static long uint(ByteBuffer b, int at, int length) {
        if (length < 0 || length > 8 || at + length > b.limit()) {
            throw new IllegalArgumentException("EBML value");
        }
        long value = 0;
        for (int k = 0; k < length; k++) {
            value = (value << 8) | (b.get(at + k) & 0xff);
        }
        return value;
    }

    private static long u32(ByteBuffer b, int at) {
        return uint(b, at, 4);
    }

    private static long u64(ByteBuffer b, int at) {
        return uint(b, at, 8);
    }

    private static String ascii4(ByteBuffer b, int at) {
        char[] chars = new char[4];
        for (int k = 0; k < 4; k++) {
            chars[k] = (char) (b.get(at + k) & 0xff);
        }
        return new String(chars);
    }
}
