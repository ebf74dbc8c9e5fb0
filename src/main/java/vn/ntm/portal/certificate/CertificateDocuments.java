package vn.ntm.portal.certificate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Image;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import vn.ntm.portal.certificate.domain.CertificateStore;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files made of certificates: one PDF, all of a class's PDFs in one ZIP, the list of a class as CSV (with its
 * certificates issued on paper in past years). Each is written straight to the given stream, one certificate at a
 * time: a class of 1,500 never sits in memory whole.
 * The database is read before writing starts, so no connection is held while the browser downloads.
 */
@Service
public class CertificateDocuments {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final CertificateService certificates;
    private final CertificateTemplates templates;
    private final CertificateStore store;
    private final CertificatePdf pdf = new CertificatePdf();
    private final String publicUrl;

    CertificateDocuments(CertificateService certificates, CertificateTemplates templates, CertificateStore store,
                         @Value("${portal.public-url:}") String publicUrl) {
        this.certificates = certificates;
        this.templates = templates;
        this.store = store;
        this.publicUrl = publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    }

    /** The address the certificate's QR code opens. */
    public String verifyUrl(String code) {
        return publicUrl + "/verify/" + code;
    }

    /** One certificate as PDF, for its holder or those who may read its class. */
    @PreAuthorize("isAuthenticated()")
    public void writePdf(long certificateId, OutputStream out) {
        IssuedCertificate c = certificates.get(certificateId);
        pdf.write(c, CertificatePdf.prepare(templates.seal(c.templateId())), verifyUrl(c.code()), out);
    }

    public static String fileName(IssuedCertificate c) {
        return "chung-nhan-" + c.number().replaceAll("[^\\p{L}0-9]+", "-") + "-" + c.issuedOn().getYear() + ".pdf";
    }

    /** All certificates of a class (revoked ones too, marked so), one PDF per entry, streamed. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    public void writeZip(long classId, OutputStream out) {
        List<IssuedCertificate> list = certificates.ofClass(classId);
        Map<Long, Optional<Image>> seals = new HashMap<>();
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            // the PDFs are compressed already: the ZIP only bundles them, at the least cost
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            for (IssuedCertificate c : list) {
                @Nullable Image seal = seals.computeIfAbsent(c.templateId(),
                        id -> Optional.ofNullable(CertificatePdf.prepare(templates.seal(id)))).orElse(null);
                zip.putNextEntry(new ZipEntry(fileName(c)));
                pdf.write(c, seal, verifyUrl(c.code()), zip);
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The list of a class's certificates with numbers and codes, as CSV (UTF-8 with a byte-order mark, for Excel):
     * those issued here, then those issued on paper in past years (no code, no PDF: verified by number). The last two
     * columns, how it was issued and when it was revoked, came later: appended so that readers of the file keep working.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    public void writeCsv(long classId, OutputStream out, java.util.function.Function<String, String> translate) {
        List<IssuedCertificate> list = certificates.ofClass(classId);
        List<PaperCertificate> onPaper = certificates.paperOfClass(classId);
        try {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            csv.printRecord(List.of("certificate.csv.number", "certificate.csv.code", "certificate.csv.name", "certificate.csv.birthYear",
                    "certificate.csv.unit", "certificate.csv.class", "certificate.csv.sessions", "certificate.csv.result",
                    "certificate.csv.issuedOn", "certificate.csv.status", "certificate.csv.verifyUrl", "certificate.csv.kind",
                    "certificate.csv.revokedOn").stream().map(translate).toList());
            for (IssuedCertificate c : list) {
                csv.printRecord(safe(c.number()), c.groupedCode(), safe(c.traineeName()), c.birthYear() == null ? "" : c.birthYear(),
                        safe(c.traineeUnit()), safe(c.classCode()), c.ofModule() ? "" : c.sessionsAttended() + "/" + c.sessions(),
                        translate.apply(c.completed() ? "certificate.result.completed" : "certificate.result.exception"),
                        DATE.format(c.issuedOn()), status(c.revoked(), translate), verifyUrl(c.code()),
                        translate.apply("certificate.csv.kind.portal"), revokedOn(c.revokedAt()));
            }
            for (PaperCertificate c : onPaper) {
                // the paper of past years says nothing of the trainee's unit, sessions or result: those cells stay empty
                csv.printRecord(safe(c.number()), "", safe(c.traineeName()), c.birthYear() == null ? "" : c.birthYear(), "",
                        safe(c.classCode()), "", "", DATE.format(c.issuedOn()), status(c.revoked(), translate), publicUrl + c.verifyPath(),
                        translate.apply("certificate.csv.kind.paper"), revokedOn(c.revokedAt()));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String status(boolean revoked, java.util.function.Function<String, String> translate) {
        return translate.apply(revoked ? "certificate.status.revoked" : "certificate.status.valid");
    }

    /** The day of revocation as the portal's users count days (Vietnam), as the verification page says it. */
    private static String revokedOn(@Nullable Instant at) {
        return at == null ? "" : DATE.format(at.atZone(ZONE));
    }

    /** A cell a spreadsheet would take for a formula gets a leading apostrophe. */
    private static String safe(@Nullable String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

}
