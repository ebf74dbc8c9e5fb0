package vn.ntm.portal.training.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import vn.ntm.portal.training.ClassSummary;
import vn.ntm.portal.training.RosterImportService;
import vn.ntm.portal.training.RosterPreview;
import vn.ntm.portal.training.RosterSpreadsheets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A roster import whose database died mid-commit stored nothing, but its dialog kept showing a progress bar long after
 * the database came back. Every background job of a dialog now ends with a message, success or failure.
 */
@SpringBootTest
class ImportDialogFailureTest extends SpringBrowserlessTest {

    @Test
    void aRosterImportWhoseDatabaseDiesMidCommitEndsWithAFailureMessageNotAnEndlessProgressBar() throws Exception {
        // the database going away is what is simulated here; the dialog's own behaviour is real
        RosterImportService imports = mock(RosterImportService.class);
        when(imports.preview(anyLong(), any())).thenReturn(new RosterPreview(List.of(), 1, 0, 0, 0, 0, 1));
        when(imports.commit(anyLong(), any(), anyBoolean(), anyBoolean(), any()))
                .thenThrow(new CannotGetJdbcConnectionException("Connection is not available, request timed out after 3000ms"));
        RosterImportDialog dialog = new RosterImportDialog(imports, mock(RosterSpreadsheets.class), mock(ClassSummary.class), () -> {
        });
        dialog.open();
        dialog.read(new byte[]{1});
        Button commit = $(Button.class).withId("roster-import-commit").single();
        Paragraph summary = $(Paragraph.class).withId("roster-import-summary").single();

        test(commit).click();
        ProgressBar progress = $(ProgressBar.class).single();
        assertThat(progress.isVisible()).as("the commit runs, with a progress bar").isTrue();
        awaitBackgroundJob(() -> !progress.isVisible());

        assertThat(progress.isVisible()).as("the progress bar ends").isFalse();
        assertThat(summary.getText()).isEqualTo(dialog.getTranslation("job.failed.database"));
        assertThat(commit.isEnabled()).as("the user may try again").isTrue();
    }

    /** The job's answer comes through UI.access from its own thread; the test holds the session, so runs it here. */
    private static void awaitBackgroundJob(java.util.function.BooleanSupplier finished) throws InterruptedException {
        VaadinSession session = VaadinSession.getCurrent();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(giveUp)) {
            session.getService().runPendingAccessTasks(session);
            if (finished.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
