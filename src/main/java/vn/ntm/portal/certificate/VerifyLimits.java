package vn.ntm.portal.certificate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many lookups one address may make on the public verification page in ten minutes: a few misses (a code or
 * number that matches nothing: someone guessing), more lookups in all (an employer checking a pile of papers).
 * In memory, in tables of bounded size, like the check-in limits; the numbers are in docs/SECURITY.md.
 */
@Component
class VerifyLimits {

    private final Cache<String, AtomicInteger> misses;
    private final Cache<String, AtomicInteger> lookups;
    private final int maxMisses;
    private final int maxLookups;

    VerifyLimits(@Value("${portal.verify.limits.misses-per-address:20}") int maxMisses,
                 @Value("${portal.verify.limits.lookups-per-address:120}") int maxLookups) {
        this.maxMisses = maxMisses;
        this.maxLookups = maxLookups;
        this.misses = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(Duration.ofMinutes(10)).build();
        this.lookups = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(Duration.ofMinutes(10)).build();
    }

    /** Counts this lookup; false when the address has used up its lookups or its misses. */
    boolean mayLookUp(String address) {
        AtomicInteger missed = misses.getIfPresent(address);
        if (missed != null && missed.get() >= maxMisses) {
            return false;
        }
        return lookups.get(address, a -> new AtomicInteger()).incrementAndGet() <= maxLookups;
    }

    void missed(String address) {
        misses.get(address, a -> new AtomicInteger()).incrementAndGet();
    }
}
