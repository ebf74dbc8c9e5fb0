package vn.ntm.portal.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's throughput: the check-in burst through HAProxy on the cluster as {@code scripts/cluster.sh} runs it, by an
 * external client (open loop, time counted from when each check-in was due), then the flat-out rate (new check-ins as
 * fast as {@value #FLAT_OUT_CLIENTS} clients send them). Run it once per size of the cluster:
 * <pre>for n in 1 2; do NODES=$n scripts/cluster.sh up && ./mvnw -q test -Dtest=ClusterThroughputBenchmark -Dcluster=true -Dsurefire.failIfNoSpecifiedTests=false; done</pre>
 * Each run appends its figures to target/cluster-throughput.md.
 */
@EnabledIfSystemProperty(named = "cluster", matches = "true")
class ClusterThroughputBenchmark {

    static final int TRAINEES = Integer.getInteger("cluster.trainees", 4_000);
    static final int RATE = Integer.getInteger("cluster.rate", 100);
    static final int CLIENTS = Integer.getInteger("cluster.clients", 50);
    static final int FLAT_OUT = Integer.getInteger("cluster.flatOut", 3_000);
    static final int FLAT_OUT_CLIENTS = 50;

    @Test
    void checkInBurstThroughTheLoadBalancer() throws Exception {
        ClusterWorld world = ClusterWorld.running();
        // warm-up on a class of its own: JIT and connection pools of every node, as on a portal that has served a while
        ClusterWorld.Fixture warmUp = world.prepare("warmup", 3_000);
        Burst.flatOut(world, warmUp, 3_000, FLAT_OUT_CLIENTS);
        String warmUpRefusals = Burst.takeRefusals();

        ClusterWorld.Fixture burst = world.prepare("burst", TRAINEES);
        Burst.Result paced = Burst.run(world, burst, TRAINEES, RATE, CLIENTS, Duration.ofSeconds(60), Duration.ZERO, null);
        long[] recorded;
        try (Connection c = world.db()) {
            recorded = world.recorded(c, burst.sessionId());
        }
        ClusterWorld.Fixture flat = world.prepare("flatout", FLAT_OUT);
        String burstRefusals = Burst.takeRefusals();
        double flatOut = Burst.flatOut(world, flat, FLAT_OUT, FLAT_OUT_CLIENTS);
        String flatOutRefusals = Burst.takeRefusals();

        String report = """
                ## %d portal node(s), 3 Galera nodes (%s, %d cores shared by the client, the nodes and the databases)
                paced burst at %d/s, %d clients: %s; failed attempts are tried again
                recorded: %d (distinct persons %d)
                flat out (%d new check-ins, %d clients): %.0f check-ins/s
                refused attempts by HTTP status (0: no answer): warm-up %s, burst %s, flat out %s
                """.formatted(world.portalNodes(), Instant.now(), Runtime.getRuntime().availableProcessors(), RATE, CLIENTS, paced,
                recorded[0], recorded[1], FLAT_OUT, FLAT_OUT_CLIENTS, flatOut,
                warmUpRefusals, burstRefusals, flatOutRefusals);
        System.out.println(report);
        Path out = Path.of("target/cluster-throughput.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);

        assertThat(recorded[0]).isEqualTo(paced.acknowledged());
        assertThat(recorded[1]).isEqualTo(recorded[0]);
    }
}
