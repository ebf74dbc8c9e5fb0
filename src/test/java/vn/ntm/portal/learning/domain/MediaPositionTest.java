package vn.ntm.portal.learning.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Watched time is credited only as far as the server's clock allows, each second once. */
class MediaPositionTest {

    private static final Instant OPENED = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void anHonestViewerReportingEveryFiveSecondsIsCreditedTheWholeVideo() {
        MediaPosition position = new MediaPosition(1, 2);
        position.opened(OPENED);
        for (int t = 5; t <= 600; t += 5) {
            position.reported(t, 600, OPENED.plusSeconds(t));
        }
        assertThat(position.creditedSeconds()).isEqualTo(600);
    }

    @Test
    void aJumpToTheEndIsCreditedOnlyTheTimeThatPassed() {
        MediaPosition position = new MediaPosition(1, 2);
        position.opened(OPENED);
        position.reported(600, 600, OPENED.plusSeconds(10));
        // ten seconds at up to double speed, and a second of slack
        assertThat(position.creditedSeconds()).isEqualTo(21);
    }

    @Test
    void watchingTheSameMinuteTwiceCountsItOnce() {
        MediaPosition position = new MediaPosition(1, 2);
        position.opened(OPENED);
        position.reported(60, 600, OPENED.plusSeconds(60));
        position.reported(0, 600, OPENED.plusSeconds(61));
        position.reported(60, 600, OPENED.plusSeconds(121));
        assertThat(position.creditedSeconds()).isEqualTo(60);
    }

    @Test
    void aReportWithoutAnOpeningIsCreditedNothing() {
        MediaPosition position = new MediaPosition(1, 2);
        position.reported(600, 600, OPENED);
        assertThat(position.creditedSeconds()).isZero();
        assertThat(position.getPositionSeconds()).isEqualTo(600);
    }
}
