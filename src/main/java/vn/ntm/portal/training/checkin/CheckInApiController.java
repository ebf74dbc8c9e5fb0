package vn.ntm.portal.training.checkin;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.portal.training.CheckInOutcome;
import vn.ntm.portal.training.CheckInResult;
import vn.ntm.portal.training.CheckInService;

import java.util.Map;

/**
 * Check-in for machine clients (a meeting platform, a provincial system), with HTTP Basic like all of /api.
 * The person is named by phone or national ID; the code proves presence as on the page.
 */
@RestController
class CheckInApiController {

    private final CheckInService checkIns;

    CheckInApiController(CheckInService checkIns) {
        this.checkIns = checkIns;
    }

    record CheckInRequest(@Nullable String code, @Nullable String phone, @Nullable String nationalId) {
    }

    @PostMapping("/api/v1/sessions/{sessionId}/check-ins")
    ResponseEntity<Map<String, Object>> checkIn(@PathVariable long sessionId, @RequestBody CheckInRequest body) {
        String identifier = body.phone() != null && !body.phone().isBlank() ? body.phone() : body.nationalId();
        CheckInResult result = checkIns.checkIn(sessionId, body.code(), null, identifier);
        int status = switch (result.outcome()) {
            case CHECKED_IN -> 201;
            case ALREADY_CHECKED_IN -> 200;
            case NO_SUCH_SESSION -> 404;
            case WRONG_CODE, OUTSIDE_WINDOW -> 409;
            case NOT_ON_ROSTER, UNKNOWN_PERSON, NATIONAL_ID_NEEDED -> 422;
        };
        return ResponseEntity.status(status).body(Map.of("outcome", result.outcome().name(),
                "person", result.personName() == null ? "" : result.personName(),
                "retryable", result.outcome() == CheckInOutcome.WRONG_CODE));
    }
}
