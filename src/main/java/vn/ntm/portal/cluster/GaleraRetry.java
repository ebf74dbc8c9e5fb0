package vn.ntm.portal.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Galera checks a transaction against the other nodes' writes only when it commits, and refuses the loser of a
 * conflict with a deadlock error (1213, SQLState 40001); a single server refuses the same way on a real deadlock.
 * Nothing of the refused transaction was kept, so running it again is safe when it has no effect outside the
 * database. This runs a unit of work that starts its own transaction (a call to a {@code @Transactional} service
 * method) up to four times, a few tens of milliseconds apart. Inside a transaction it does not retry: only whoever
 * began the transaction can run it again.
 */
@Component
public class GaleraRetry {

    private static final Logger log = LoggerFactory.getLogger(GaleraRetry.class);
    static final int ATTEMPTS = 4;
    private static final int DEADLOCK = 1213;

    public <T> T call(Supplier<T> work) {
        return call(work, false);
    }

    /** The same for work that begins a transaction of its own (REQUIRES_NEW) even when the caller is in one. */
    public <T> T callInOwnTransaction(Supplier<T> work) {
        return call(work, true);
    }

    private <T> T call(Supplier<T> work, boolean ownTransaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !refusedAtCommit(e) || (!ownTransaction && TransactionSynchronizationManager.isActualTransactionActive())) {
                    throw e;
                }
                log.info("Write refused by the database (conflict with another node or a deadlock), attempt {} of {}: {}",
                        attempt, ATTEMPTS, e.toString());
                pause(attempt);
            }
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** A deadlock or a certification failure anywhere in the chain of causes. */
    public static boolean refusedAtCommit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
