package vn.ntm.portal.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ntm.portal.cluster.SharedCounters;

import java.time.Duration;
import java.time.Clock;

/**
 * Registrations per client address and hour. Enough for a commune office registering its people one after the other,
 * too few to create accounts for a province's phone numbers or to probe which of them already have one.
 */
@Component
class RegistrationThrottle {

    private final int perHour;
    private final SharedCounters counters;
    private final Clock clock;

    RegistrationThrottle(@Value("${portal.registration.per-address-per-hour:20}") int perHour, SharedCounters counters, Clock clock) {
        this.perHour = perHour;
        this.counters = counters;
        this.clock = clock;
    }

    /** Counts one registration from this address; false once the hour's allowance is used (on any portal node). */
    boolean allow(String clientAddress) {
        String key = "registration:" + clientAddress;
        return counters.addAndCount(key, Duration.ofHours(1), clock.instant()) <= perHour;
    }
}
