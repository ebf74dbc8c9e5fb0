package vn.ntm.portal.training.checkin;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * When the database cannot be reached, a check-in is not recorded and the person is told so at once, with a
 * 503 and a hint to retry in a few seconds, instead of a hang or an error page. Nothing is acknowledged that was
 * not committed: the answer "checked in" is only ever sent after the transaction has committed.
 */
@RestControllerAdvice(assignableTypes = {CheckInController.class, CheckInApiController.class})
class CheckInUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(CheckInUnavailableAdvice.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<?> unavailable(RuntimeException e, HttpServletRequest request) {
        log.warn("Check-in not recorded, the database is unreachable: {}", e.getMessage());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(503).header("Retry-After", RETRY_AFTER_SECONDS).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("outcome", "UNAVAILABLE", "retryable", true));
        }
        CheckInPage page = new CheckInPage(CheckInController.locale(request));
        page.heading(page.t("checkin.title")).paragraph(page.t("checkin.UNAVAILABLE"), "err");
        return ResponseEntity.status(503).header("Retry-After", RETRY_AFTER_SECONDS).header("Cache-Control", "no-store")
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(page.html());
    }
}
