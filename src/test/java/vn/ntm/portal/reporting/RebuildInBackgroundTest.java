package vn.ntm.portal.reporting;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.TestData;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's "recompute the figures" is minutes of work at national scale: it runs in the background on
 * one node, every node's page shows it running, and a second start is refused until it ends.
 */
@SpringBootTest
class RebuildInBackgroundTest {

    @Autowired
    ReportService reports;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theRebuildRunsInTheBackgroundAndASecondStartIsRefusedUntilItEnds() throws Exception {
        TestData.signInAsAdmin();
        // another node is working the summaries' queue: the rebuild waits for it, in the background
        SimpleLock otherNode = takeSummariesAsAnotherNode();
        try {
            assertThat(reports.startRebuild()).isTrue();

            assertThat(reports.rebuildProgress().running()).isTrue();
            assertThat(reports.startRebuild()).isFalse();
        } finally {
            otherNode.unlock();
        }

        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (reports.rebuildProgress().running() && System.nanoTime() < giveUp) {
            Thread.sleep(200);
        }
        var done = reports.rebuildProgress();
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.startedBy()).isNotBlank();
        assertThat(reports.startRebuild()).isTrue();
    }

    private SimpleLock takeSummariesAsAnotherNode() throws InterruptedException {
        var provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(jdbc)
                .withTableName("shedlock").usingDbTime().withLockedByValue("another-node").build());
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<SimpleLock> lock = provider.lock(new LockConfiguration(Instant.now(), "reporting", Duration.ofMinutes(1), Duration.ZERO));
            if (lock.isPresent()) {
                return lock.get();
            }
            Thread.sleep(100); // this node's refresher is mid-pass
        }
        throw new IllegalStateException("the summaries' lease stayed taken");
    }
}
