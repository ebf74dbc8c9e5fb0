package vn.ntm.portal.reporting.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.reporting.ReportService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator's button starts the rebuild in the background and says it is running, without waiting for it. */
@SpringBootTest
class RebuildButtonTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    ReportService reports;

    @BeforeEach
    void world() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
    }

    @Test
    @WithUserDetails(value = "quantri", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theAdministratorStartsTheRebuildAndThePageSaysItIsRunningUntilItEnds() throws Exception {
        navigate(ReportsView.class);
        SimpleLock otherNode = takeSummariesAsAnotherNode();
        try {
            test($view(Button.class).withId("rebuild-reports").single()).click();

            assertThat($view(Span.class).withId("rebuild-state").single().getText()).contains("quantri");
            assertThat($view(Button.class).withId("rebuild-reports").single().isEnabled()).isFalse();
        } finally {
            otherNode.unlock();
        }
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (reports.rebuildProgress().running() && System.nanoTime() < giveUp) {
            Thread.sleep(200);
        }
        assertThat(reports.rebuildProgress().state()).isEqualTo("DONE");
    }

    private SimpleLock takeSummariesAsAnotherNode() throws InterruptedException {
        var provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(jdbc)
                .withTableName("shedlock").usingDbTime().withLockedByValue("another-node").build());
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<SimpleLock> lock = provider.lock(new LockConfiguration(Instant.now(), "reporting", Duration.ofMinutes(1), Duration.ZERO));
            if (lock.isPresent()) {
                return lock.get();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the summaries' lease stayed taken");
    }
}
