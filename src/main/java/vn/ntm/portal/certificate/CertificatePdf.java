package vn.ntm.portal.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * One certificate as a PDF page: landscape A4, the DejaVu fonts embedded (every Vietnamese letter and tone mark),
 * the QR code drawn as vector squares so that it stays sharp when printed. The document is in Vietnamese, the
 * language of the office that signs it. Every text is placed as text: markup typed in a template is printed as typed.
 */
final class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final BaseFont REGULAR = font("fonts/DejaVuSans.ttf");
    private static final BaseFont BOLD = font("fonts/DejaVuSans-Bold.ttf");
    private static final Color GREEN = new Color(0x1b, 0x5e, 0x20);
    private static final Color RED = new Color(0xb7, 0x1c, 0x1c);

    private final ResourceBundle texts = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.of("vi"));

    /**
     * The seal read once for many certificates: decoding a PNG with transparency costs about as much as the rest of
     * a certificate, so a class's ZIP decodes it once, not once per trainee.
     */
    static @Nullable Image prepare(@Nullable SealImage seal) {
        if (seal == null) {
            return null;
        }
        try {
            Image image = Image.getInstance(seal.bytes());
            image.scaleToFit(90, 90);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the certificate to {@code out}, which stays open (a ZIP writes the next entry after it). */
    void write(IssuedCertificate c, @Nullable Image seal, String verifyUrl, OutputStream out) {
        // A4 turned on its side as a page of its own, not a portrait page with a rotation flag
        Rectangle page = new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth());
        Document doc = new Document(page, 60, 60, 50, 50);
        PdfWriter writer = PdfWriter.getInstance(doc, new KeepOpen(out));
        writer.setCloseStream(false);
        doc.addTitle(c.title() + " " + c.number());
        doc.addCreator("NTM");
        doc.open();
        PdfContentByte cb = writer.getDirectContent();
        border(cb, page);
        float w = page.getWidth();
        float h = page.getHeight();
        // the office on the left, the national motto on the right, as on every official paper
        column(cb, 50, h - 140, w / 2 - 20, h - 45, center(c.officeName().toUpperCase(Locale.of("vi")), BOLD, 11, null));
        Paragraph motto = center(t("certificate.pdf.nation"), BOLD, 11, null);
        motto.add(new Phrase("\n" + t("certificate.pdf.motto"), new Font(BOLD, 11, Font.UNDERLINE)));
        column(cb, w / 2 + 20, h - 140, w - 50, h - 45, motto);
        Paragraph body = center(c.title().toUpperCase(Locale.of("vi")), BOLD, 26, GREEN);
        body.add(new Phrase("\n", new Font(REGULAR, 8, Font.NORMAL, Color.BLACK)));
        body.add(line(t("certificate.pdf.certifies"), REGULAR, 13));
        body.add(line(c.traineeName(), BOLD, 20));
        body.add(line(details(c), REGULAR, 12));
        body.add(line(c.wording(), REGULAR, 13));
        body.add(line(c.classTitle(), BOLD, 15));
        if (c.programme() != null) {
            body.add(line(t("certificate.pdf.programme", c.programme()), REGULAR, 11));
        }
        body.add(line(t("certificate.pdf.dates", DATE.format(c.startDate()), DATE.format(c.endDate())) + "  ·  "
                + (c.ofModule() ? (c.quizScore() == null ? t("certificate.pdf.online") : t("certificate.pdf.quizScore", c.quizScore()))
                : t("certificate.pdf.sessions", c.sessionsAttended(), c.sessions()))
                + (c.hours() == null ? "" : "  ·  " + t("certificate.pdf.hours", c.hours())), REGULAR, 11));
        column(cb, 70, 190, w - 70, h - 140, body);
        signature(cb, c, seal, w);
        verification(cb, c, verifyUrl);
        if (c.revoked()) {
            column(cb, 70, 60, w - 70, 90, center(t("certificate.pdf.revoked", DATE.format(c.revokedAt().atZone(
                    java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate())), BOLD, 14, RED));
        }
        doc.close();
    }

    private void signature(PdfContentByte cb, IssuedCertificate c, @Nullable Image seal, float w) {
        float left = w / 2 + 40;
        float right = w - 60;
        // as text, not numbers: a year is never written 2.026
        String when = t("certificate.pdf.issuedOn", String.valueOf(c.issuedOn().getDayOfMonth()),
                String.format("%02d", c.issuedOn().getMonthValue()), String.valueOf(c.issuedOn().getYear()));
        Paragraph p = center("", REGULAR, 11, null);
        p.add(new Phrase((c.place() == null ? "" : c.place() + ", ") + when, new Font(REGULAR, 11, Font.ITALIC, Color.BLACK)));
        p.add(line(c.signerTitle().toUpperCase(Locale.of("vi")), BOLD, 11));
        column(cb, left, 120, right, 190, p);
        if (seal != null) {
            seal.setAbsolutePosition((left + right) / 2 - seal.getScaledWidth() / 2 - 30, 60);
            cb.addImage(seal);
        }
        column(cb, left, 40, right, 75, center(c.signerName(), BOLD, 12, null));
    }

    /** The QR code (the verification address), the number and the code, bottom left. */
    private void verification(PdfContentByte cb, IssuedCertificate c, String verifyUrl) {
        BitMatrix m = qr(verifyUrl);
        float size = 100;
        float cell = size / m.getWidth();
        float x0 = 60;
        float y0 = 75;
        cb.saveState();
        cb.setColorFill(Color.BLACK);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    cb.rectangle(x0 + x * cell, y0 + size - (y + 1) * cell, cell, cell);
                }
            }
        }
        cb.fill();
        cb.restoreState();
        Paragraph p = new Paragraph(t("certificate.pdf.number", c.number()), new Font(BOLD, 10));
        p.add(new Phrase("\n" + t("certificate.pdf.code", c.groupedCode()), new Font(REGULAR, 9)));
        p.add(new Phrase("\n" + t("certificate.pdf.verifyAt", verifyUrl), new Font(REGULAR, 7)));
        column(cb, 60, 20, 330, 75, p);
    }

    static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    private String details(IssuedCertificate c) {
        StringBuilder s = new StringBuilder();
        if (c.birthYear() != null) {
            s.append(t("certificate.pdf.birthYear", String.valueOf(c.birthYear())));
        }
        if (c.traineeUnit() != null) {
            s.append(s.isEmpty() ? "" : "  ·  ").append(t("certificate.pdf.unit", c.traineeUnit()));
        }
        return s.toString();
    }

    private static void border(PdfContentByte cb, Rectangle page) {
        cb.saveState();
        cb.setColorStroke(GREEN);
        cb.setLineWidth(3);
        cb.rectangle(20, 20, page.getWidth() - 40, page.getHeight() - 40);
        cb.stroke();
        cb.setLineWidth(0.8f);
        cb.rectangle(28, 28, page.getWidth() - 56, page.getHeight() - 56);
        cb.stroke();
        cb.restoreState();
    }

    private static Paragraph center(String text, BaseFont font, float size, @Nullable Color color) {
        Font f = new Font(font, size, Font.NORMAL, color == null ? Color.BLACK : color);
        Paragraph p = new Paragraph(text, f);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private static Phrase line(String text, BaseFont font, float size) {
        return new Phrase("\n" + text, new Font(font, size, Font.NORMAL, Color.BLACK));
    }

    private static void column(PdfContentByte cb, float llx, float lly, float urx, float ury, Paragraph p) {
        ColumnText ct = new ColumnText(cb);
        ct.setSimpleColumn(llx, lly, urx, ury);
        p.setLeading(0, 1.35f);
        ct.addElement(p);
        ct.go();
    }

    private String t(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.of("vi")).format(args);
    }

    private static BaseFont font(String path) {
        try (InputStream in = CertificatePdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + path);
            }
            return BaseFont.createFont(path.substring(path.lastIndexOf('/') + 1), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The writer closes its stream at the end; inside a ZIP the stream must stay open for the next entry. */
    private static final class KeepOpen extends java.io.FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
