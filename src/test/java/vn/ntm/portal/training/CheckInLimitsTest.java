package vn.ntm.portal.training;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The abuse limits of self check-in on their own, with a clock the test moves. */
class CheckInLimitsTest {

    private final MovableClock clock = new MovableClock();
    private final CheckInLimits limits = new CheckInLimits(clock, 10, 60, 300, 15, 150, 3, 20, 5);

    @Test
    void aSessionTakesAtMostThreeHundredWrongCodesInTenMinutesFromAllClientsTogether() {
        int accepted = 0;
        // 600 addresses, one guess each: no client is over its own limit, the session as a whole is
        for (int i = 0; i < 600; i++) {
            CheckInClient client = CheckInClient.browser(null, "100.64.1." + i);
            if (limits.mayTryCode(7, client)) {
                limits.wrongCode(7, client);
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(300);
        // another session is not affected
        assertThat(limits.mayTryCode(8, CheckInClient.browser(null, "100.64.2.1"))).isTrue();
        // the window slides: a minute after the oldest guesses are ten minutes old the session takes guesses again,
        // and once they are twenty minutes old its full budget
        clock.advance(Duration.ofMinutes(11));
        assertThat(limits.mayTryCode(7, CheckInClient.browser(null, "100.64.3.1"))).isTrue();
        clock.advance(Duration.ofMinutes(10));
        int later = 0;
        for (int i = 0; i < 400; i++) {
            CheckInClient client = CheckInClient.browser(null, "100.65.1." + i);
            if (limits.mayTryCode(7, client)) {
                limits.wrongCode(7, client);
                later++;
            }
        }
        assertThat(later).isEqualTo(300);
    }

    @Test
    void twentyWalkInsFromOneAddressJustBeforeAWindowEndsLeaveNoRoomJustAfterIt() {
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        for (int i = 0; i < 20; i++) {
            assertThat(limits.tryWalkIn(4, CheckInClient.browser(String.format("phone%017d", i), "100.64.9.9"))).isTrue();
        }
        clock.advance(Duration.ofSeconds(2));
        assertThat(limits.tryWalkIn(4, CheckInClient.browser(String.format("phone%017d", 21), "100.64.9.9"))).isFalse();
    }

    @Test
    void theTablesStayBoundedWhateverKeysAreSent() {
        for (int i = 0; i < 200_000; i++) {
            CheckInClient client = CheckInClient.browser(String.format("attacker%014d", i), "10.0." + (i / 250 % 250) + "." + (i % 250));
            limits.wrongCode(i, client);
            limits.tryCheckIn(i, client);
        }
        assertThat(limits.trackedKeys()).isLessThanOrEqualTo(2 * CheckInLimits.MAX_ENTRIES + 20_000);
    }

    @Test
    void anIpv6ClientCountsAsItsWholeSlash64() {
        for (int i = 0; i < 10; i++) {
            limits.wrongCode(1, CheckInClient.browser(null, "2001:db8:1:2:0:0:0:" + Integer.toHexString(i + 1)));
        }
        assertThat(limits.mayTryCode(1, CheckInClient.browser(null, "2001:db8:1:2:ffff:0:0:1"))).isFalse();
        assertThat(limits.mayTryCode(1, CheckInClient.browser(null, "2001:db8:1:3:0:0:0:1"))).isTrue();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
