package vn.ntm.portal.training.checkin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.training.CheckInResult;
import vn.ntm.portal.training.CheckInService;
import vn.ntm.portal.training.SessionInfo;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The lightweight check-in page that the QR code opens: server-rendered HTML, no Vaadin session. The session
 * cookie is SameSite=Lax, so another site cannot make a signed-in person check in by posting this form.
 */
@RestController
class CheckInController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final CheckInService checkIns;
    private final AccountService accounts;

    CheckInController(CheckInService checkIns, AccountService accounts) {
        this.checkIns = checkIns;
        this.accounts = accounts;
    }

    @GetMapping("/checkin")
    ResponseEntity<String> form(@RequestParam(name = "s", required = false) @Nullable Long sessionId,
                                @RequestParam(name = "c", required = false) @Nullable String code, HttpServletRequest request) {
        CheckInPage page = new CheckInPage(locale(request));
        Optional<SessionInfo> session = sessionId == null ? Optional.empty() : checkIns.session(sessionId);
        if (session.isEmpty()) {
            page.heading(page.t("checkin.title")).paragraph(page.t("checkin.NO_SUCH_SESSION"), "err");
            return html(page, 404);
        }
        describe(page, session.get());
        PortalUser user = signedIn();
        page.raw("<form method=\"post\" action=\"/checkin\"><input type=\"hidden\" name=\"s\" value=\"" + sessionId + "\">");
        page.raw("<label for=\"c\">" + CheckInPage.esc(page.t("checkin.code")) + "</label><input id=\"c\" name=\"c\" inputmode=\"numeric\""
                + " autocomplete=\"one-time-code\" pattern=\"[0-9]{6}\" required value=\"" + CheckInPage.esc(code) + "\">");
        if (user != null) {
            page.paragraph(page.t("checkin.asAccount", user.fullName()), "muted");
        } else {
            page.raw("<label for=\"id\">" + CheckInPage.esc(page.t("checkin.identifier")) + "</label>"
                    + "<input id=\"id\" name=\"id\" inputmode=\"tel\" autocomplete=\"tel\" required>");
            page.paragraph(page.t("checkin.identifierHelp"), "muted");
        }
        page.raw("<button type=\"submit\">" + CheckInPage.esc(page.t("checkin.submit")) + "</button></form>");
        return html(page, 200);
    }

    @PostMapping(value = "/checkin", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> checkIn(@RequestParam(name = "s", required = false) @Nullable Long sessionId,
                                   @RequestParam(name = "c", required = false) @Nullable String code,
                                   @RequestParam(name = "id", required = false) @Nullable String identifier, HttpServletRequest request) {
        CheckInPage page = new CheckInPage(locale(request));
        if (sessionId == null) {
            page.heading(page.t("checkin.title")).paragraph(page.t("checkin.NO_SUCH_SESSION"), "err");
            return html(page, 404);
        }
        PortalUser user = signedIn();
        CheckInResult result = user == null ? checkIns.checkIn(sessionId, code, null, identifier)
                : checkIns.checkIn(sessionId, code, user.accountId(), accounts.me().phone(), null);
        if (result.session() != null) {
            describe(page, result.session());
        }
        page.paragraph(page.t("checkin." + result.outcome().name(), result.personName() == null ? "" : result.personName()),
                result.outcome().success() ? "ok" : "err");
        switch (result.outcome()) {
            case WRONG_CODE, NATIONAL_ID_NEEDED -> page.raw("<p><a href=\"/checkin?s=" + sessionId + "\">" + CheckInPage.esc(page.t("checkin.again")) + "</a></p>");
            case NOT_ON_ROSTER, UNKNOWN_PERSON -> walkInForm(page, sessionId, code, identifier);
            default -> { }
        }
        return html(page, result.outcome().success() ? 200 : 422);
    }

    @PostMapping(value = "/checkin/walk-in", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> walkIn(@RequestParam("s") long sessionId, @RequestParam(name = "c", required = false) @Nullable String code,
                                  @RequestParam(name = "name", required = false) @Nullable String name,
                                  @RequestParam(name = "id", required = false) @Nullable String identifier, HttpServletRequest request) {
        CheckInPage page = new CheckInPage(locale(request));
        checkIns.session(sessionId).ifPresent(s -> describe(page, s));
        try {
            boolean looksLikePhone = identifier != null && vn.ntm.portal.common.PhoneNumbers.normalize(identifier) != null;
            checkIns.requestWalkIn(sessionId, code, name == null ? "" : name, looksLikePhone ? identifier : null,
                    looksLikePhone ? null : identifier);
            page.paragraph(page.t("checkin.walkInSent"), "ok");
            return html(page, 200);
        } catch (ValidationException e) {
            page.paragraph(page.t(e.messageKey(), e.arguments()), "err");
            return html(page, 422);
        }
    }

    private void walkInForm(CheckInPage page, long sessionId, @Nullable String code, @Nullable String identifier) {
        page.raw("<form method=\"post\" action=\"/checkin/walk-in\"><input type=\"hidden\" name=\"s\" value=\"" + sessionId + "\">"
                + "<input type=\"hidden\" name=\"c\" value=\"" + CheckInPage.esc(code) + "\">"
                + "<p>" + CheckInPage.esc(page.t("checkin.walkInIntro")) + "</p>"
                + "<label for=\"name\">" + CheckInPage.esc(page.t("checkin.fullName")) + "</label><input id=\"name\" name=\"name\" required>"
                + "<label for=\"wid\">" + CheckInPage.esc(page.t("checkin.identifier")) + "</label><input id=\"wid\" name=\"id\" value=\""
                + CheckInPage.esc(identifier) + "\" required>"
                + "<button type=\"submit\">" + CheckInPage.esc(page.t("checkin.walkIn")) + "</button></form>");
    }

    private static void describe(CheckInPage page, SessionInfo s) {
        page.heading(page.t("checkin.title"));
        page.paragraph(s.classTitle(), null);
        page.paragraph(page.t("checkin.when", page.t("session.part." + s.part().name()), DATE.format(s.date()),
                s.startsAt().toString(), s.endsAt().toString()), "muted");
    }

    private static @Nullable PortalUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof PortalUser user ? user : null;
    }

    /** The reader's language: English when they chose it (the portal's language cookie), else Vietnamese. */
    static Locale locale(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if ("portal-lang".equals(cookie.getName()) && "en".equals(cookie.getValue())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.of("vi");
    }

    private static ResponseEntity<String> html(CheckInPage page, int status) {
        return ResponseEntity.status(status).contentType(HTML).header("Cache-Control", "no-store").body(page.html());
    }
}
