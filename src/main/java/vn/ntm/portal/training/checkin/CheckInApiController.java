package vn.ntm.portal.training.checkin;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.training.CheckInClient;
import vn.ntm.portal.training.CheckInOutcome;
import vn.ntm.portal.training.CheckInResult;
import vn.ntm.portal.cluster.GaleraRetry;
import vn.ntm.portal.training.CheckInService;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Check-in for machine clients (a meeting platform, a provincial system), with HTTP Basic like all of /api.
 * The session is named by its reference (staff accounts may also name it by its id); the person by
 * phone or national ID; the code proves presence as on the page. The answer names the person only when they are
 * on the roster.
 */
@RestController
class CheckInApiController {

    private final CheckInService checkIns;

    private final GaleraRetry retry;

    CheckInApiController(CheckInService checkIns, GaleraRetry retry) {
        this.retry = retry;
        this.checkIns = checkIns;
    }

    record CheckInRequest(@Nullable String code, @Nullable String phone, @Nullable String nationalId) {
    }

    @PostMapping("/api/v1/sessions/{session}/check-ins")
    ResponseEntity<Map<String, Object>> checkIn(@PathVariable String session, @RequestBody CheckInRequest body,
                                                @AuthenticationPrincipal @Nullable PortalUser user, HttpServletRequest request) {
        if (user == null) {
            return ResponseEntity.status(401).build();
        }
        String identifier = body.phone() != null && !body.phone().isBlank() ? body.phone() : body.nationalId();
        // staff may take attendance by hand anyway: their integrations are not held to one phone's limits
        boolean staff = user.role() != Role.TRAINEE;
        CheckInClient client = CheckInClient.account(user.accountId(), request.getRemoteAddr(), staff);
        // a trainee's client must know the reference like a phone does; ids would let it count sessions
        // one INSERT IGNORE per check-in: run again after Galera refused the commit, it still records one mark
        CheckInResult result = retry.call(() -> staff && session.matches("\\d{1,18}")
                ? checkIns.checkIn(Long.parseLong(session), body.code(), identifier, client)
                : checkIns.checkIn(session, body.code(), null, identifier, client));
        int status = switch (result.outcome()) {
            case CHECKED_IN -> 201;
            case ALREADY_CHECKED_IN -> 200;
            case NO_SUCH_SESSION -> 404;
            case WRONG_CODE, OUTSIDE_WINDOW -> 409;
            case NOT_ON_ROSTER, ACCOUNT_NOT_LINKED, NATIONAL_ID_NEEDED -> 422;
            case TOO_MANY_ATTEMPTS -> 429;
        };
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outcome", result.outcome().name());
        answer.put("person", result.outcome().success() && result.personName() != null ? result.personName() : "");
        answer.put("retryable", result.outcome() == CheckInOutcome.WRONG_CODE || result.outcome() == CheckInOutcome.TOO_MANY_ATTEMPTS);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (status == 429) {
            response.header("Retry-After", "60");
        }
        return response.body(answer);
    }
}
