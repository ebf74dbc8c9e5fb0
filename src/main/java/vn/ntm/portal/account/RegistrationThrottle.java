package vn.ntm.portal.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registrations per client address and hour. Enough for a commune office registering its people one after the other,
 * too few to create accounts for a province's phone numbers or to probe which of them already have one.
 */
@Component
class RegistrationThrottle {

    private final int perHour;
    private final Cache<String, AtomicInteger> byAddress = Caffeine.newBuilder()
            .maximumSize(50_000).expireAfterWrite(Duration.ofHours(1)).build();

    RegistrationThrottle(@Value("${portal.registration.per-address-per-hour:20}") int perHour) {
        this.perHour = perHour;
    }

    /** Counts one registration from this address; false once the hour's allowance is used. */
    boolean allow(String clientAddress) {
        AtomicInteger count = byAddress.get(clientAddress, k -> new AtomicInteger());
        return count.incrementAndGet() <= perHour;
    }
}
