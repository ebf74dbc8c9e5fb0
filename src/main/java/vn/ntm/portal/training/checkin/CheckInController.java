package vn.ntm.portal.training.checkin;

import vn.ntm.portal.common.PlainPage;
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
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.training.CheckInClient;
import vn.ntm.portal.training.CheckInOutcome;
import vn.ntm.portal.training.CheckInResult;
import vn.ntm.portal.cluster.GaleraRetry;
import vn.ntm.portal.training.CheckInService;
import vn.ntm.portal.training.SessionInfo;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The lightweight check-in page that the QR code opens: server-rendered HTML, no Vaadin session. The session is
 * named by its unguessable reference ({@code s}), never by its id. The session cookie is SameSite=Lax, so another
 * site cannot make a signed-in person check in by posting this form.
 */
@RestController
class CheckInController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    /** Six digits with any separators around them; the browser's v-flag syntax, so the dash is escaped. */
    static final String CODE_PATTERN = "[\\s.\\-]*([0-9][\\s.\\-]*){6}";

    private final CheckInService checkIns;

    private final GaleraRetry retry;

    CheckInController(CheckInService checkIns, GaleraRetry retry) {
        this.retry = retry;
        this.checkIns = checkIns;
    }

    @GetMapping("/checkin")
    ResponseEntity<String> form(@RequestParam(name = "s", required = false) @Nullable String reference,
                                @RequestParam(name = "c", required = false) @Nullable String code, HttpServletRequest request) {
        PlainPage page = new PlainPage(locale(request));
        Optional<SessionInfo> session = checkIns.sessionByReference(reference);
        if (session.isEmpty()) {
            page.heading(page.t("checkin.title")).paragraph(page.t("checkin.NO_SUCH_SESSION"), "err");
            return html(page, 404, request);
        }
        describe(page, session.get());
        form(page, session.get().reference(), code, null, false);
        return html(page, 200, request);
    }

    /**
     * The form; after a refused try it comes back holding what the person typed (the phone and the code), the code
     * field focused to correct it, so that nobody types their number twice. Plain HTML: no script is needed.
     */
    private static void form(PlainPage page, String reference, @Nullable String code, @Nullable String identifier, boolean retry) {
        PortalUser user = signedIn();
        page.raw("<form method=\"post\" action=\"/checkin\"><input type=\"hidden\" name=\"s\" value=\"" + PlainPage.esc(reference) + "\">");
        // six digits, with any spaces, dots or dashes between them (the board shows "119 167")
        page.raw("<label for=\"c\">" + PlainPage.esc(page.t("checkin.code")) + "</label><input id=\"c\" name=\"c\" inputmode=\"numeric\""
                + " autocomplete=\"one-time-code\" pattern=\"" + CODE_PATTERN + "\" title=\"" + PlainPage.esc(page.t("checkin.codeFormat"))
                + "\" required" + (retry ? " autofocus" : "") + " value=\"" + PlainPage.esc(code) + "\">");
        if (user != null) {
            page.paragraph(page.t("checkin.asAccount", user.fullName()), "muted");
        } else {
            page.raw("<label for=\"id\">" + PlainPage.esc(page.t("checkin.identifier")) + "</label>"
                    + "<input id=\"id\" name=\"id\" inputmode=\"tel\" autocomplete=\"tel\" required value=\""
                    + PlainPage.esc(identifier) + "\">");
            page.paragraph(page.t("checkin.identifierHelp"), "muted");
        }
        page.raw("<button type=\"submit\">" + PlainPage.esc(page.t("checkin.submit")) + "</button></form>");
    }

    @PostMapping("/checkin")
    ResponseEntity<String> checkIn(@RequestParam(name = "s", required = false) @Nullable String reference,
                                   @RequestParam(name = "c", required = false) @Nullable String code,
                                   @RequestParam(name = "id", required = false) @Nullable String identifier, HttpServletRequest request) {
        PlainPage page = new PlainPage(locale(request));
        if (!isForm(request)) {
            return malformed(page, request);
        }
        PortalUser user = signedIn();
        CheckInClient client = DeviceCookie.client(request);
        // one INSERT IGNORE per check-in: run again after Galera refused the commit, it still records one mark
        CheckInResult result = retry.call(() -> user == null ? checkIns.checkIn(reference, code, null, identifier, client)
                : checkIns.checkIn(reference, code, user.accountId(), null, client));
        if (result.session() == null) {
            page.heading(page.t("checkin.title"));
        } else {
            describe(page, result.session());
        }
        page.paragraph(page.t("checkin." + result.outcome().name(), result.personName() == null ? "" : result.personName()),
                result.outcome().success() ? "ok" : "err");
        String ref = result.session() == null ? "" : result.session().reference();
        switch (result.outcome()) {
            case WRONG_CODE -> {
                if (!ref.isEmpty()) {
                    form(page, ref, code, user == null ? identifier : null, true);
                }
            }
            // a shared household phone: the code stays, the person gives their national ID instead
            case NATIONAL_ID_NEEDED -> form(page, ref, code, null, false);
            case NOT_ON_ROSTER -> walkInForm(page, ref, code, user == null ? identifier : null);
            default -> { }
        }
        return html(page, status(result.outcome()), request);
    }

    @PostMapping("/checkin/walk-in")
    ResponseEntity<String> walkIn(@RequestParam(name = "s", required = false) @Nullable String reference,
                                  @RequestParam(name = "c", required = false) @Nullable String code,
                                  @RequestParam(name = "name", required = false) @Nullable String name,
                                  @RequestParam(name = "id", required = false) @Nullable String identifier, HttpServletRequest request) {
        PlainPage page = new PlainPage(locale(request));
        if (!isForm(request)) {
            return malformed(page, request);
        }
        Optional<SessionInfo> session = checkIns.sessionByReference(reference);
        session.ifPresentOrElse(s -> describe(page, s), () -> page.heading(page.t("checkin.title")));
        try {
            checkIns.requestWalkIn(reference, code, name, identifier, DeviceCookie.client(request));
            page.paragraph(page.t("checkin.walkInSent"), "ok");
            return html(page, 200, request);
        } catch (ValidationException e) {
            page.paragraph(page.t(e.messageKey(), e.arguments()), "err");
            int status = switch (e.messageKey()) {
                case "checkin.NO_SUCH_SESSION" -> 404;
                case "checkin.TOO_MANY_ATTEMPTS" -> 429;
                default -> 422;
            };
            return html(page, status, request);
        }
    }

    static int status(CheckInOutcome outcome) {
        return switch (outcome) {
            case CHECKED_IN, ALREADY_CHECKED_IN -> 200;
            case NO_SUCH_SESSION -> 404;
            case TOO_MANY_ATTEMPTS -> 429;
            default -> 422;
        };
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    /** A post that is not a form (another content type, a broken body): the page, in the reader's language. */
    static ResponseEntity<String> malformed(PlainPage page, HttpServletRequest request) {
        page.heading(page.t("checkin.title")).paragraph(page.t("checkin.error.malformed"), "err");
        return html(page, 400, request);
    }

    private void walkInForm(PlainPage page, String reference, @Nullable String code, @Nullable String identifier) {
        page.raw("<form method=\"post\" action=\"/checkin/walk-in\"><input type=\"hidden\" name=\"s\" value=\"" + PlainPage.esc(reference) + "\">"
                + "<input type=\"hidden\" name=\"c\" value=\"" + PlainPage.esc(code) + "\">"
                + "<p>" + PlainPage.esc(page.t("checkin.walkInIntro")) + "</p>"
                + "<label for=\"name\">" + PlainPage.esc(page.t("checkin.fullName")) + "</label><input id=\"name\" name=\"name\" required maxlength=\"200\">"
                + "<label for=\"wid\">" + PlainPage.esc(page.t("checkin.identifier")) + "</label><input id=\"wid\" name=\"id\" value=\""
                + PlainPage.esc(identifier) + "\" required maxlength=\"20\">"
                + "<button type=\"submit\">" + PlainPage.esc(page.t("checkin.walkIn")) + "</button></form>");
    }

    private static void describe(PlainPage page, SessionInfo s) {
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

    static ResponseEntity<String> html(PlainPage page, int status, HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(HTML).header("Cache-Control", "no-store");
        DeviceCookie.issue(request).ifPresent(cookie -> response.header("Set-Cookie", cookie));
        if (status == 429) {
            response.header("Retry-After", "60");
        }
        return response.body(page.html(page.t("checkin.title")));
    }
}
