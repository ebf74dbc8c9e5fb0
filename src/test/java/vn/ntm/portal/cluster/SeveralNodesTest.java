package vn.ntm.portal.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What several portal nodes on one database rely on, with two "nodes" simulated by two instances over the same
 * database (docs/ARCHITECTURE.md, "Several nodes").
 */
@SpringBootTest
class SeveralNodesTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublicationUpkeep upkeep;

    @Test
    void aJobLeaseHeldByOneNodeIsNotTakenByAnotherUntilThatNodeStopsRenewingItAndItEnds() throws Exception {
        ClusterLocks nodeA = new ClusterLocks(ClusterConfig.lockProvider(jdbc, "node-a"), jdbc);
        ClusterLocks nodeB = new ClusterLocks(ClusterConfig.lockProvider(jdbc, "node-b"), jdbc);
        String job = "test-job-" + UUID.randomUUID();
        try {
            ClusterLocks.Lease held = nodeA.tryTake(job, Duration.ofSeconds(2)).orElseThrow();

            assertThat(nodeB.tryTake(job, Duration.ofSeconds(2))).isEmpty();
            // node A keeps working past its lease's first length: it renews, B still waits
            Thread.sleep(3_000);
            assertThat(nodeB.tryTake(job, Duration.ofSeconds(2))).isEmpty();
            assertThat(nodeB.isTaken(job)).isTrue();

            held.abandon(); // node A dies: no more renewals, no release
            assertThat(nodeB.tryTake(job, Duration.ofSeconds(2))).isEmpty();
            Optional<ClusterLocks.Lease> takenOver = nodeB.takeWhenFree(job, Duration.ofSeconds(2), Duration.ofSeconds(5));
            assertThat(takenOver).isPresent();
            takenOver.get().close();
            assertThat(nodeA.tryTake(job, Duration.ofSeconds(2))).isPresent();
        } finally {
            nodeA.destroy();
            nodeB.destroy();
        }
    }

    @Test
    void twoNodesStartingTogetherGenerateOneSharedSecret() throws Exception {
        SharedSecrets nodeA = new SharedSecrets(jdbc, transactions, java.time.Clock.systemUTC());
        SharedSecrets nodeB = new SharedSecrets(jdbc, transactions, java.time.Clock.systemUTC());
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Callable<byte[]>> both = List.of(() -> nodeA.get(name).current(), () -> nodeB.get(name).current());
            var results = pool.invokeAll(both);
            assertThat(results.get(0).get()).isEqualTo(results.get(1).get());
        }
    }

    @Test
    void completedEventPublicationsOlderThanTheLimitArePurgedAndRecentOnesKept() {
        String old = publication(Instant.now().minus(Duration.ofDays(8)), true);
        String recent = publication(Instant.now().minus(Duration.ofDays(1)), true);
        String unfinished = publication(Instant.now().minus(Duration.ofDays(30)), false);

        upkeep.purgeCompleted();

        assertThat(ids()).doesNotContain(old).contains(recent, unfinished);
        jdbc.update("delete from EVENT_PUBLICATION where id in (?, ?)", recent, unfinished);
    }

    @Test
    void anEventWhoseListenerFailedIsDeliveredAgainWithoutARestart() throws Exception {
        // a real publication, its delivery made to look failed ten minutes ago (the database was away, say)
        vn.ntm.portal.TestData.awaitEventsHandled(jdbc);
        String id = jdbc.query("select id from EVENT_PUBLICATION where completion_date is not null order by publication_date desc limit 1",
                rs -> rs.next() ? rs.getString(1) : null);
        if (id == null) {
            vn.ntm.portal.ViewTestData.load(jdbc, unitImport, units, accounts);
            vn.ntm.portal.TestData.awaitEventsHandled(jdbc);
            id = jdbc.queryForObject("select id from EVENT_PUBLICATION where completion_date is not null order by publication_date desc limit 1",
                    String.class);
        }
        jdbc.update("update EVENT_PUBLICATION set completion_date = null, status = 'FAILED', publication_date = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))), id);

        upkeep.retryIncomplete();

        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < giveUp && jdbc.queryForObject("select completion_date is null from EVENT_PUBLICATION where id = ?",
                Boolean.class, id)) {
            Thread.sleep(100);
        }
        assertThat(jdbc.queryForObject("select completion_date is not null from EVENT_PUBLICATION where id = ?", Boolean.class, id)).isTrue();
    }

    @Test
    void twoWritesThatDeadlockAreBothSavedOnceEachTheLoserRunAgain() throws Exception {
        // Galera refuses the loser of a conflict at commit with the same error as a deadlock on one server (1213)
        String first = "deadlock-a-" + UUID.randomUUID();
        String second = "deadlock-b-" + UUID.randomUUID();
        for (String key : List.of(first, second)) {
            jdbc.update("insert into throttle_counter (counter_key, failures, since_ms) values (sha2(?, 256), 0, 0)", key);
        }
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        GaleraRetry retry = new GaleraRetry();
        var firstTaken = new java.util.concurrent.CountDownLatch(1);
        var secondTaken = new java.util.concurrent.CountDownLatch(1);
        var attempts = new java.util.concurrent.atomic.AtomicInteger();
        Callable<Void> oneWay = () -> {
            retry.run(() -> tx.executeWithoutResult(s -> {
                attempts.incrementAndGet();
                bump(first);
                firstTaken.countDown();
                await(secondTaken);
                bump(second);
            }));
            return null;
        };
        Callable<Void> otherWay = () -> {
            retry.run(() -> tx.executeWithoutResult(s -> {
                attempts.incrementAndGet();
                bump(second);
                secondTaken.countDown();
                await(firstTaken);
                bump(first);
            }));
            return null;
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (var done : pool.invokeAll(List.of(oneWay, otherWay))) {
                done.get();
            }
        }

        assertThat(attempts.get()).isEqualTo(3);
        for (String key : List.of(first, second)) {
            assertThat(jdbc.queryForObject("select failures from throttle_counter where counter_key = sha2(?, 256)", Integer.class, key))
                    .isEqualTo(2);
        }
    }

    @Test
    void insideATransactionTheRetryLeavesTheDecisionToWhoeverBeganIt() {
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        var attempts = new java.util.concurrent.atomic.AtomicInteger();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx.executeWithoutResult(s -> new GaleraRetry().run(() -> {
            attempts.incrementAndGet();
            throw new org.springframework.dao.CannotAcquireLockException("refused",
                    new java.sql.SQLTransactionRollbackException("Deadlock found", "40001", 1213));
        }))).isInstanceOf(org.springframework.dao.CannotAcquireLockException.class);
        assertThat(attempts.get()).isEqualTo(1);
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private void bump(String key) {
        jdbc.update("update throttle_counter set failures = failures + 1 where counter_key = sha2(?, 256)", key);
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void everyTableHasAPrimaryKeyAsGaleraRequires() {
        List<String> withoutKey = jdbc.queryForList("""
                select t.table_name from information_schema.tables t
                where t.table_schema = database() and t.table_type = 'BASE TABLE'
                  and not exists (select 1 from information_schema.table_constraints c
                                  where c.table_schema = t.table_schema and c.table_name = t.table_name
                                    and c.constraint_type = 'PRIMARY KEY')""", String.class);

        assertThat(withoutKey).isEmpty();
    }

    @Autowired
    vn.ntm.portal.unit.UnitImportService unitImport;
    @Autowired
    vn.ntm.portal.unit.UnitDirectory units;
    @Autowired
    vn.ntm.portal.account.AccountService accounts;

    private String publication(Instant published, boolean completed) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into EVENT_PUBLICATION (id, listener_id, event_type, serialized_event, publication_date, completion_date, status, completion_attempts) "
                        + "values (?, 'test.listener', 'test.Event', '{}', ?, ?, ?, 1)", id, Timestamp.from(published),
                completed ? Timestamp.from(published.plusSeconds(1)) : null, completed ? "COMPLETED" : "FAILED");
        return id;
    }

    private List<String> ids() {
        return jdbc.queryForList("select id from EVENT_PUBLICATION", String.class);
    }
}
