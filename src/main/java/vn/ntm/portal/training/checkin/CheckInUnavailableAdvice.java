package vn.ntm.portal.training.checkin;

import vn.ntm.portal.common.PlainPage;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * When the database cannot be reached, a check-in is not recorded and the person is told so at once, with a
 * 503 and a hint to retry in a few seconds, instead of a hang or an error page. Nothing is acknowledged that was
 * not committed: the answer "checked in" is only ever sent after the transaction has committed.
 * A malformed request gets the check-in page (or, from the API, a small JSON error) in the reader's language.
 */
@RestControllerAdvice(assignableTypes = {CheckInController.class, CheckInApiController.class})
class CheckInUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(CheckInUnavailableAdvice.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<?> unavailable(RuntimeException e, HttpServletRequest request) {
        log.warn("Check-in not recorded, the database is unreachable: {}", e.getMessage());
        if (isApi(request)) {
            return ResponseEntity.status(503).header("Retry-After", RETRY_AFTER_SECONDS).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("outcome", "UNAVAILABLE", "retryable", true));
        }
        PlainPage page = new PlainPage(CheckInController.locale(request));
        page.heading(page.t("checkin.title")).paragraph(page.t("checkin.UNAVAILABLE"), "err");
        return ResponseEntity.status(503).header("Retry-After", RETRY_AFTER_SECONDS).header("Cache-Control", "no-store")
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(page.html(page.t("checkin.title")));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class,
            MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<?> malformed(Exception e, HttpServletRequest request) {
        if (BodySizeLimit.exceeded(request)) {
            return tooLarge(request);
        }
        if (isApi(request)) {
            int status = e instanceof HttpMediaTypeNotSupportedException ? 415 : 400;
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("outcome", "MALFORMED",
                    "message", new PlainPage(apiLocale(request)).t("checkin.error.malformedApi"), "retryable", false));
        }
        return CheckInController.malformed(new PlainPage(CheckInController.locale(request)), request);
    }

    static ResponseEntity<?> tooLarge(HttpServletRequest request) {
        if (isApi(request)) {
            return ResponseEntity.status(413).contentType(MediaType.APPLICATION_JSON).body(Map.of("outcome", "TOO_LARGE",
                    "message", new PlainPage(apiLocale(request)).t("checkin.error.tooLarge"), "retryable", false));
        }
        PlainPage page = new PlainPage(CheckInController.locale(request));
        page.heading(page.t("checkin.title")).paragraph(page.t("checkin.error.tooLarge"), "err");
        return CheckInController.html(page, 413, request);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** A machine client says which language it wants in Accept-Language (or the portal's language cookie). */
    static Locale apiLocale(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Language");
        if (accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        return CheckInController.locale(request);
    }
}
