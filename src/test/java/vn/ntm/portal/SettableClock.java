package vn.ntm.portal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The portal's clock, set by a test: "today" for what depends on the date (a class held or still planned). Follows
 * the system clock until {@link #setToday} is called; {@link #reset} goes back to it. Import {@link Config} to use it.
 */
public final class SettableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant fixed;

    SettableClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Noon of that day, in the portal's zone. */
    public void setToday(LocalDate day) {
        fixed = day.atTime(LocalTime.NOON).atZone(zone).toInstant();
    }

    /** An exact moment (the portal's "today" is its date in the portal's zone). */
    public void setInstant(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f == null ? Instant.now() : f;
    }

    @TestConfiguration
    public static class Config {
        @Bean
        @Primary
        SettableClock settableClock(@org.springframework.beans.factory.annotation.Value("${portal.zone:Asia/Ho_Chi_Minh}") String zone) {
            return new SettableClock(ZoneId.of(zone));
        }
    }
}
