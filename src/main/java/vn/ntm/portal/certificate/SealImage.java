package vn.ntm.portal.certificate;

import vn.ntm.portal.common.ValidationException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * An office's seal, as uploaded: a real PNG or JPEG (read by its content, not its name), at most 1 MB and
 * 2,000 × 2,000 pixels. The size in pixels is read from the header before anything is decoded, so a small file that
 * unpacks into a huge picture is refused without filling the memory.
 */
public record SealImage(byte[] bytes, String type) {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_PIXELS_PER_SIDE = 2000;

    public static SealImage of(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new ValidationException("certificate.error.sealTooLarge", MAX_BYTES / 1024);
        }
        String type = typeOf(bytes);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type);
            if (in == null || !readers.hasNext()) {
                throw new ValidationException("certificate.error.sealNotImage");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > MAX_PIXELS_PER_SIDE || height > MAX_PIXELS_PER_SIDE) {
                    throw new ValidationException("certificate.error.sealTooManyPixels", MAX_PIXELS_PER_SIDE);
                }
                if (reader.read(0) == null) {
                    throw new ValidationException("certificate.error.sealNotImage");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw new ValidationException("certificate.error.sealNotImage");
        }
        return new SealImage(bytes, type);
    }

    private static String typeOf(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        throw new ValidationException("certificate.error.sealNotImage");
    }
}
