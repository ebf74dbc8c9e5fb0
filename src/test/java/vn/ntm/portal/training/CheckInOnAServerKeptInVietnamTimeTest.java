package vn.ntm.portal.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import vn.ntm.portal.SettableClock;

import java.time.LocalTime;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check-in of {@link CheckInTest} again, on a portal started on a machine whose clock is kept in Vietnam time
 * (as a provincial IT officer's server or laptop usually is), not in UTC like the build machines. There the session
 * times were stored shifted by the JVM's zone and read back unshifted: a session of 00:00-23:59 became 16:00-15:59
 * and every check-in was refused as outside its window. Its own application context, so that the portal starts
 * after the machine's zone is set.
 */
@ExtendWith(CheckInOnAServerKeptInVietnamTimeTest.MachineInVietnamTime.class) // before Spring's: the zone is set, then the portal starts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "portal.test.machine-zone=Asia/Ho_Chi_Minh")
@Import(SettableClock.Config.class)
class CheckInOnAServerKeptInVietnamTimeTest extends CheckInTest {

    static class MachineInVietnamTime implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
        }
    }

    @Test
    void theSessionTimesReadBackAreTheOnesTheTrainerSet() {
        assertThat(TimeZone.getDefault().getRawOffset()).as("the portal runs its JVM in UTC").isZero();
        // as the check-in page reads them (plain SQL), and as the class's screens do (JPA)
        SessionInfo lastMonthsSession = checkIns.sessionByReference(lastMonthRef).orElseThrow();
        assertThat(lastMonthsSession.startsAt()).isEqualTo(LocalTime.of(7, 30));
        assertThat(lastMonthsSession.endsAt()).isEqualTo(LocalTime.of(11, 30));
        assertThat(checkIns.sessionByReference(ref).orElseThrow().startsAt()).isEqualTo(LocalTime.MIN);
        assertThat(lastMonth.startsAt()).isEqualTo(LocalTime.of(7, 30));
    }
}
