package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.certificate.domain.CertificateStore;
import vn.ntm.portal.certificate.domain.PaperStore;
import vn.ntm.portal.training.PaperCertificates;
import vn.ntm.portal.common.Texts;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The public side of certificates: anyone holding a code (from the QR code or typed) or a number may check what
 * the certificate says and whether it still holds. No sign-in on purpose; lookups are limited per address.
 */
@Service
public class CertificateVerification {

    /** A number as printed: digits, a slash, then the office's part ("123/GCN-VPĐP"). */
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}/[\\p{L}0-9\\-]{1,30}");

    private final CertificateStore store;
    private final PaperStore papers;
    private final VerifyLimits limits;

    CertificateVerification(CertificateStore store, PaperStore papers, VerifyLimits limits) {
        this.store = store;
        this.papers = papers;
        this.limits = limits;
    }

    /** Looks up what someone typed or what the QR code carried: a verification code, or a certificate number. */
    @Transactional(readOnly = true)
    public Verification lookUp(@Nullable String typed, String clientAddress) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return Verification.of(Verification.Outcome.EMPTY);
        }
        if (text.length() > 100) {
            return Verification.of(Verification.Outcome.MALFORMED);
        }
        String cleaned = Texts.clean(text);
        String number = cleaned == null ? "" : cleaned.replaceAll("\\s+", "").toUpperCase(Locale.of("vi"));
        var code = VerificationCode.parse(text);
        // paper certificates of past years carry numbers in each office's old style ("45/2019/QĐ-UBND", "GCN-0123")
        boolean byNumber = NUMBER.matcher(number).matches() || (code.isEmpty() && PaperCertificates.plausible(number));
        if (!byNumber && code.isEmpty()) {
            return Verification.of(Verification.Outcome.MALFORMED);
        }
        if (!limits.mayLookUp(clientAddress)) {
            return Verification.of(Verification.Outcome.TOO_MANY);
        }
        List<IssuedCertificate> found = byNumber ? store.byNumber(number) : store.byCode(code.get()).stream().toList();
        List<PaperCertificate> paper = byNumber ? papers.byNumber(number) : List.of();
        if (found.isEmpty() && paper.isEmpty()) {
            limits.missed(clientAddress);
            return Verification.of(Verification.Outcome.NOT_FOUND);
        }
        return new Verification(Verification.Outcome.FOUND, found, byNumber, paper);
    }

    /** "Nguyễn Văn An" as "N. V. An": enough to compare with the paper in hand, too little to learn a name from a number. */
    public static String shortened(String fullName) {
        String[] words = fullName.strip().split("\\s+");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words.length - 1; i++) {
            s.append(words[i].codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append))
                    .append(". ");
        }
        return s.append(words[words.length - 1]).toString();
    }
}
