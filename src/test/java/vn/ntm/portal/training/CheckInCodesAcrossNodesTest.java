package vn.ntm.portal.training;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.portal.TestData;
import vn.ntm.portal.cluster.SharedSecrets;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board may be served by one portal node and the trainee's phone by another: both derive the same codes from
 * the secret kept in the database, and a rotation does not turn away someone typing the code shown a moment before.
 */
@SpringBootTest
class CheckInCodesAcrossNodesTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    CheckInSecretService secretService;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @AfterEach
    void signOut() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    @Test
    void aCodeShownByOneNodeIsAcceptedByTheOther() {
        CheckInCodes nodeA = node();
        CheckInCodes nodeB = node();
        Instant now = clock.instant();

        assertThat(nodeB.current(42, now)).isEqualTo(nodeA.current(42, now));
        assertThat(nodeB.accepts(42, nodeA.current(42, now), now)).isTrue();
        assertThat(nodeA.accepts(43, nodeA.current(42, now), now) && !nodeA.current(43, now).equals(nodeA.current(42, now))).isFalse();
    }

    @Test
    void afterTheAdministratorRotatesTheSecretTheCodeOnScreenStillWorksAndTheNewCodesWorkEverywhere() {
        CheckInCodes nodeA = node();
        CheckInCodes nodeB = node();
        Instant now = clock.instant();
        String shownBefore = nodeA.current(7, now);

        TestData.signInAsAdmin();
        secretService.rotate();

        CheckInCodes nodeC = node();
        String shownAfter = nodeC.current(7, now);
        assertThat(shownAfter).isNotEqualTo(shownBefore);
        assertThat(nodeB.accepts(7, shownBefore, now)).isTrue();
        assertThat(nodeB.accepts(7, shownAfter, now)).isTrue();
        // the old secret's codes expire with the next two code windows
        assertThat(nodeC.accepts(7, nodeA.current(7, now), now.plusSeconds(3 * nodeC.rotationSeconds()))).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_change where subject_type = 'SECRET'", Integer.class)).isPositive();
    }

    private CheckInCodes node() {
        return new CheckInCodes(new SharedSecrets(jdbc, transactions, clock), "", 30);
    }
}
