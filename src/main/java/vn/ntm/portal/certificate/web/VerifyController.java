package vn.ntm.portal.certificate.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.portal.certificate.CertificateVerification;
import vn.ntm.portal.certificate.IssuedCertificate;
import vn.ntm.portal.certificate.Verification;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code /verify/<code>} (what the QR code opens) and {@code /verify?q=<code or number>} (the form): what the
 * certificate says and whether it holds, so that a doctored paper is caught. No sign-in; GET only, nothing changes.
 * Any input gets an answer in words: unknown (404), not a code (400), too many lookups (429), never an error page.
 */
@RestController
class VerifyController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final CertificateVerification verification;

    VerifyController(CertificateVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verify")
    ResponseEntity<String> form(HttpServletRequest request) {
        return answer(typed(request.getQueryString()), request);
    }

    /**
     * The typed text, read from the raw query rather than through the container's parameters: a query that is not
     * valid percent-encoded UTF-8 (a broken phone keyboard, a scanner) then gets this page's answer, not an error.
     */
    static @Nullable String typed(@Nullable String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("q=")) {
                try {
                    return java.net.URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return "\uFFFD";
                }
            }
        }
        return null;
    }

    @GetMapping("/verify/{code}")
    ResponseEntity<String> byCode(@PathVariable("code") String code, HttpServletRequest request) {
        return answer(code, request);
    }

    private ResponseEntity<String> answer(@Nullable String typed, HttpServletRequest request) {
        VerifyPage page = new VerifyPage(locale(request));
        page.heading(page.t("verify.title"));
        Verification v = verification.lookUp(typed, request.getRemoteAddr());
        int status = switch (v.outcome()) {
            case FOUND, EMPTY -> 200;
            case NOT_FOUND -> 404;
            case MALFORMED -> 400;
            case TOO_MANY -> 429;
        };
        switch (v.outcome()) {
            case FOUND -> {
                v.found().forEach(c -> describe(page, c, v.byNumber()));
                v.paper().forEach(c -> describe(page, c));
            }
            case EMPTY -> page.paragraph(page.t("verify.intro"), null);
            default -> page.paragraph(page.t("verify." + v.outcome().name()), "err");
        }
        form(page, v.outcome() == Verification.Outcome.FOUND ? null : typed);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(HTML).header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex");
        if (status == 429) {
            response.header("Retry-After", "600");
        }
        return response.body(page.html());
    }

    private static void describe(VerifyPage page, IssuedCertificate c, boolean byNumber) {
        if (c.revoked()) {
            page.paragraph(page.t("verify.revoked", DATE.format(c.revokedAt().atZone(ZONE).toLocalDate())), "err");
        } else {
            page.paragraph(page.t("verify.valid"), "ok");
        }
        page.facts(new String[][]{
                {page.t("verify.name"), byNumber ? CertificateVerification.shortened(c.traineeName()) : c.traineeName()},
                {page.t("verify.birthYear"), byNumber || c.birthYear() == null ? null : String.valueOf(c.birthYear())},
                {page.t("verify.unit"), c.traineeUnit()},
                {page.t("verify.class"), c.classCode().isEmpty() ? c.classTitle() : c.classTitle() + " (" + c.classCode() + ")"},
                {page.t("verify.programme"), c.programme()},
                {page.t("verify.dates"), page.t("verify.datesValue", DATE.format(c.startDate()), DATE.format(c.endDate()))},
                {page.t("verify.result"), c.ofModule()
                        ? (c.quizScore() == null ? page.t("verify.result.module") : page.t("verify.result.moduleScore", c.quizScore()))
                        : page.t(c.completed() ? "verify.result.completed" : "verify.result.exception", c.sessionsAttended(), c.sessions())},
                {page.t("verify.office"), c.officeName()},
                {page.t("verify.number"), c.number()},
                {page.t("verify.issuedOn"), DATE.format(c.issuedOn())},
                {page.t("verify.status"), c.revoked() ? page.t("verify.status.revoked", DATE.format(c.revokedAt().atZone(ZONE).toLocalDate()))
                        : page.t("verify.status.valid")}});
        if (byNumber) {
            page.paragraph(page.t("verify.byNumberNote"), "muted");
        }
    }

    /** A certificate issued on paper in past years: found by its number only, so the name shortened, as above. */
    private static void describe(VerifyPage page, vn.ntm.portal.certificate.PaperCertificate c) {
        String revokedOn = c.revokedAt() == null ? null : DATE.format(c.revokedAt().atZone(ZONE).toLocalDate());
        if (revokedOn == null) {
            page.paragraph(page.t("verify.paper", DATE.format(c.issuedOn())), "ok");
        } else {
            page.paragraph(page.t("verify.paperRevoked", DATE.format(c.issuedOn()), revokedOn), "err");
        }
        page.facts(new String[][]{
                {page.t("verify.name"), CertificateVerification.shortened(c.traineeName())},
                {page.t("verify.class"), c.classTitle() + " (" + c.classCode() + ")"},
                {page.t("verify.dates"), page.t("verify.datesValue", DATE.format(c.startDate()), DATE.format(c.endDate()))},
                {page.t("verify.number"), c.number()},
                {page.t("verify.issuedOn"), DATE.format(c.issuedOn())},
                {page.t("verify.status"), revokedOn == null ? page.t("verify.status.paper") : page.t("verify.status.revoked", revokedOn)}});
        page.paragraph(page.t("verify.paperNote"), "muted");
    }

    private static void form(VerifyPage page, @Nullable String typed) {
        page.raw("<form method=\"get\" action=\"/verify\"><label for=\"q\">" + VerifyPage.esc(page.t("verify.field")) + "</label>"
                + "<input id=\"q\" name=\"q\" maxlength=\"100\" autocomplete=\"off\" autocapitalize=\"characters\" required value=\""
                + VerifyPage.esc(typed == null ? "" : typed.length() > 100 ? typed.substring(0, 100) : typed) + "\">"
                + "<p class=\"muted\">" + VerifyPage.esc(page.t("verify.fieldHelp")) + "</p>"
                + "<button type=\"submit\">" + VerifyPage.esc(page.t("verify.submit")) + "</button></form>");
    }

    /** The reader's language: English when they chose it (the portal's language cookie), else Vietnamese. */
    private static Locale locale(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if ("portal-lang".equals(cookie.getName()) && "en".equals(cookie.getValue())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.of("vi");
    }
}
