package vn.ntm.portal.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.portal.cluster.GaleraRetry;
import vn.ntm.portal.cluster.SharedCounters;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A guesser whose attempts the load balancer spreads over two portal nodes meets one count of failures. */
@SpringBootTest
class SignInThrottleAcrossNodesTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void guessesSpreadOverTwoNodesAreCountedTogether() {
        LoginThrottle nodeA = node();
        LoginThrottle nodeB = node();
        String login = "gv." + UUID.randomUUID().toString().substring(0, 8);
        String guesser = "198.51.100." + (1 + (int) (Math.random() * 250));

        for (int i = 0; i < 3; i++) {
            nodeA.recordFailure(login, guesser, false);
        }
        nodeB.recordFailure(login, guesser, false);
        assertThat(nodeA.isBlocked(login, guesser, false)).isFalse();
        nodeB.recordFailure(login, guesser, false);

        assertThat(nodeA.isBlocked(login, guesser, false)).isTrue();
        assertThat(nodeB.isBlocked(login, guesser, false)).isTrue();
        nodeA.recordSuccess(login, guesser);
        assertThat(nodeB.isBlocked(login, guesser, false)).isFalse();
    }

    private LoginThrottle node() {
        return new LoginThrottle(5, 15, clock, new SharedCounters(jdbc, new GaleraRetry(), transactions, Duration.ofDays(1)));
    }
}
