package vn.ntm.portal.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an open session still matches its account: a person disabled, given another role or moved to another unit
 * (another scope) since they signed in loses the session at their next request. Each account's standing is read from
 * the database at most once per {@code portal.session.recheck-millis} (a tiny cache, since every click is a request);
 * a change made on this instance is seen at once ({@link #accountChanged}), one made on another instance within that
 * period.
 */
@Component
public class SessionRevalidation {

    private record Checked(AccountStandings.Standing standing, long at) {
    }

    private static final AccountStandings.Standing GONE = new AccountStandings.Standing(false, Role.TRAINEE, null, null);

    private final AccountStandings standings;
    private final long maxAgeNanos;
    private final Map<Long, Checked> cache = new ConcurrentHashMap<>();

    SessionRevalidation(AccountStandings standings, @Value("${portal.session.recheck-millis:2000}") long recheckMillis) {
        this.standings = standings;
        this.maxAgeNanos = Duration.ofMillis(recheckMillis).toNanos();
    }

    public boolean stillValid(PortalUser user) {
        long now = System.nanoTime();
        Checked checked = cache.get(user.accountId());
        if (checked == null || now - checked.at() > maxAgeNanos) {
            checked = new Checked(standings.current(user.accountId()).orElse(GONE), now);
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(user.accountId(), checked);
        }
        return checked.standing().allows(user);
    }

    /** Called by whoever changes an account, so that its open sessions are checked afresh at their next request. */
    public void accountChanged(long accountId) {
        cache.remove(accountId);
    }
}
