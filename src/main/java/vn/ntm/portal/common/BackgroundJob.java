package vn.ntm.portal.common;

import com.vaadin.flow.component.UI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.transaction.TransactionException;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A long job started from a view (an import, a commit) runs off the request thread, as the signed-in user, and
 * always ends on the screen with exactly one of: its result, its refusal (a {@link ValidationException}), or a
 * failure message. A job whose database died mid-way once left its dialog showing a progress bar forever.
 */
public final class BackgroundJob {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJob.class);

    private BackgroundJob() {
    }

    /**
     * @param failed gets the translation key of the failure: {@code job.failed.database} when the database could
     *               not be reached or answered too late, {@code error.unexpected} otherwise
     */
    public static <T> CompletableFuture<Void> run(UI ui, Supplier<T> work, Consumer<T> done,
                                                  Consumer<ValidationException> refused, Consumer<String> failed) {
        return CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            T result;
            try {
                result = work.get();
            } catch (ValidationException refusal) {
                ui.access(() -> refused.accept(refusal));
                return;
            } catch (RuntimeException | Error e) {
                boolean database = e instanceof DataAccessException || e instanceof TransactionException;
                log.error("A background job failed{}", database ? " (database)" : "", e);
                ui.access(() -> failed.accept(database ? "job.failed.database" : "error.unexpected"));
                return;
            }
            ui.access(() -> done.accept(result));
        }));
    }
}
