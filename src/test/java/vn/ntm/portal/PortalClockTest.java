package vn.ntm.portal;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class PortalClockTest {

    @Test
    void halfPastMidnightInVietnamIsAlreadyTheNextDayForThePortalOnAServerThatKeepsUtc() {
        Clock portal = new PortalApplication().clock("Asia/Ho_Chi_Minh");
        // 00:30 on 4 December in Hà Nội; the server's UTC clock still says 3 December
        Instant halfPastMidnight = Instant.parse("2026-12-03T17:30:00Z");

        assertThat(LocalDate.now(Clock.fixed(halfPastMidnight, portal.getZone()))).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(LocalDate.ofInstant(halfPastMidnight, ZoneOffset.UTC)).isEqualTo(LocalDate.of(2026, 12, 3));
    }
}
