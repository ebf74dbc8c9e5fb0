package vn.ntm.portal.cluster;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.ntm.portal.BrowserSupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's fault drills, against the cluster {@code scripts/cluster.sh up} started (3 Galera nodes, 2 portal nodes,
 * HAProxy): nodes are killed with SIGKILL in the middle of a check-in burst and the promises of one server are checked
 * from outside, as the phones, the trainer and the dashboard see them. Never part of {@code ./mvnw verify}: run with
 * <pre>scripts/cluster.sh up && ./mvnw -q test -Dtest=ClusterFaultDrills -Dcluster=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Figures go to target/cluster-faults.md and the log. Each drill leaves the cluster whole again (the killed node restarted).
 */
@EnabledIfSystemProperty(named = "cluster", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultDrills {

    static final int TRAINEES = Integer.getInteger("cluster.trainees", 3_000);
    /**
     * Well below what one node takes on the shared 2-core machine the drills were written on (about 280/s flat out),
     * so that the survivor of a kill is not overloaded and the drill measures the failover, not a queue.
     */
    static final int RATE = Integer.getInteger("cluster.rate", 50);
    static final int CLIENTS = Integer.getInteger("cluster.clients", 100);
    /** How long clients may see errors when a node dies: HAProxy marks it down after two missed checks a second apart. */
    static final int MAX_ERROR_SECONDS = Integer.getInteger("cluster.maxErrorSeconds", 5);
    /** How long the dashboard may take to show every acknowledged check-in after the burst, a node having died. */
    static final int CONVERGE_SECONDS = Integer.getInteger("cluster.convergeSeconds", 60);
    static final Path REPORT = Path.of("target/cluster-faults.md");

    static ClusterWorld world;

    @BeforeAll
    static void cluster() throws Exception {
        world = ClusterWorld.running();
        assertThat(world.portalNodes()).as("the drills need two portal nodes (NODES=2 scripts/cluster.sh up)").isGreaterThanOrEqualTo(2);
        Files.createDirectories(REPORT.getParent());
        note("# Cluster fault drills (" + Instant.now() + ", " + world.portalNodes() + " portal nodes, 3 Galera nodes, "
                + Runtime.getRuntime().availableProcessors() + " cores shared with the client)\n");
    }

    @AfterAll
    static void whole() throws Exception {
        note("cluster after the drills:\n```\n" + ClusterWorld.script("status") + "```\n");
    }

    /** (a) A portal node dies mid-burst: HAProxy sends the phones to the other one, and nothing acknowledged is lost or doubled. */
    @Test
    @Order(1)
    void portalNodeKilledMidBurstLosesNoAcknowledgedCheckIn() throws Exception {
        int victim = world.portalNodes();
        Drill drill = burstWithFault("portal-kill", TRAINEES, () -> ClusterWorld.script("kill", "portal", String.valueOf(victim)));
        ClusterWorld.script("start", "portal", String.valueOf(victim));
        note("## (a) portal node %d killed (SIGKILL) %d s into the burst\n%s\n".formatted(victim, TRAINEES / RATE / 3, drill));
        drill.assertKept();
    }

    /** (b) A Galera node dies mid-burst: the portal fails over to the others; brought back, it catches up by itself. */
    @Test
    @Order(2)
    void galeraNodeKilledMidBurstRejoinsAloneWithEveryCheckIn() throws Exception {
        int victim = 2;
        Drill drill = burstWithFault("galera-kill", TRAINEES, () -> ClusterWorld.script("kill", "db", String.valueOf(victim)));
        long before = System.nanoTime();
        ClusterWorld.script("start", "db", String.valueOf(victim));
        double rejoin = (System.nanoTime() - before) / 1e9;
        String state;
        String size;
        long[] onVictim;
        try (Connection node = world.dbNode(victim)) {
            state = ClusterWorld.status(node, "wsrep_local_state_comment");
            size = ClusterWorld.status(node, "wsrep_cluster_size");
            onVictim = world.recorded(node, drill.fixture.sessionId());
        }
        String transfer = Files.readString(Path.of(world.env.get("CLUSTER_DIR"), "db" + victim, "error.log")).lines()
                .filter(l -> l.contains("IST received") || l.contains("SST received") || l.contains("SST completed")
                        || l.contains("Receiving IST"))
                .reduce((a, b) -> b).orElse("(no state transfer line in its log)");
        note(("## (b) Galera node %d killed (SIGKILL) %d s into the burst, then restarted\n%s\nrejoined in %.1f s: %s, cluster size %s;"
                + " its copy of the session: %d records (%d persons); last state transfer: %s\n").formatted(victim, TRAINEES / RATE / 3,
                drill, rejoin, state, size, onVictim[0], onVictim[1], transfer.strip()));
        assertThat(state).isEqualTo("Synced");
        assertThat(size).isEqualTo("3");
        assertThat(onVictim[0]).as("the rejoined node holds every check-in").isEqualTo(drill.result.acknowledged());
        drill.assertKept();
    }

    /**
     * (c) The trainer's attendance grid was served by the node that died: signed in again (on the other node), the
     * trainer finds every mark made before the kill.
     */
    @Test
    @Order(3)
    void trainerFindsEveryMarkSavedBeforeTheirNodeDied() throws Exception {
        ClusterWorld.Fixture fixture = world.prepare("grid", 5);
        List<String> marks = List.of("Có mặt", "Đến muộn", "Vắng có phép");
        int victim;
        try (Playwright playwright = BrowserSupport.playwright(); Browser browser = BrowserSupport.chromium(playwright)) {
            try (BrowserContext context = browser.newContext(); Page page = context.newPage()) {
                openGrid(page, fixture);
                for (int i = 0; i < marks.size(); i++) {
                    page.locator(cell(fixture, i)).click();
                    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(marks.get(i))).click();
                    assertThat(page.locator(cell(fixture, i) + " vaadin-select-value-button")).containsText(marks.get(i));
                }
                // the grid saves each mark as it is chosen; the database has them before the node goes
                awaitMarks(fixture, marks.size());
                String node = context.cookies().stream().filter(c -> c.name.equals("NTMNODE")).findFirst().orElseThrow().value;
                victim = Integer.parseInt(node.substring(1));
                ClusterWorld.script("kill", "portal", String.valueOf(victim));
            }
            try (BrowserContext context = browser.newContext(); Page page = context.newPage()) {
                openGrid(page, fixture);
                for (int i = 0; i < marks.size(); i++) {
                    assertThat(page.locator(cell(fixture, i) + " vaadin-select-value-button")).containsText(marks.get(i));
                }
                String node = context.cookies().stream().filter(c -> c.name.equals("NTMNODE")).findFirst().orElseThrow().value;
                assertThat(node).isNotEqualTo("p" + victim);
            }
        } finally {
            for (int n = 1; n <= world.portalNodes(); n++) {
                ClusterWorld.script("start", "portal", String.valueOf(n));
            }
        }
        note("## (c) the trainer's node (portal %d) killed after %d marks: signed in again on the other node, all %d shown\n"
                .formatted(victim, marks.size(), marks.size()));
    }

    /**
     * (d) Whichever node runs the summary refresher dies (each node is killed in turn, so one of them held it): another
     * node takes the work over and the dashboard shows every check-in within {@link #CONVERGE_SECONDS}. Needs the
     * run-once lock of issue 13 item 2 (ShedLock) to pass with its lock's timeout; before it, every node refreshes.
     */
    @Test
    @Order(4)
    void summaryRefresherNodeKilledFiguresConverge() throws Exception {
        note("## (d) each portal node killed in turn mid-burst (one held the summary refresher)");
        for (int victim = 1; victim <= world.portalNodes(); victim++) {
            int n = victim;
            String before = locks();
            Drill drill = burstWithFault("refresher-kill-" + n, TRAINEES / 3, () -> ClusterWorld.script("kill", "portal", String.valueOf(n)));
            note("portal %d killed %d s into the burst; locks before: %s\n%s\nlocks after: %s\n".formatted(n, TRAINEES / 3 / RATE / 3,
                    before, drill, locks()));
            ClusterWorld.script("start", "portal", String.valueOf(n));
            drill.assertKept();
        }
    }

    // --- the drill --------------------------------------------------------------------------------------------------------

    record Drill(ClusterWorld.Fixture fixture, Burst.Result result, long[] recorded, long baseline, double dashboardSeconds,
                 String refusals) {

        @Override
        public String toString() {
            return "%s\nrefused attempts by HTTP status (0: no answer): %s\nrecorded: %d (distinct persons %d) for %d acknowledged; dashboard showed all %s".formatted(result, refusals, recorded[0],
                    recorded[1], result.acknowledged(), dashboardSeconds < 0 ? "NOT within " + CONVERGE_SECONDS + " s (" + world.lastMismatch + ")"
                            : "%.1f s after the burst ended".formatted(dashboardSeconds));
        }

        void assertKept() {
            assertThat(result.acknowledged()).as("every phone got its check-in acknowledged in the end").isEqualTo(fixture.trainees());
            assertThat(recorded[0]).as("every acknowledged check-in recorded").isEqualTo(result.acknowledged());
            assertThat(recorded[1]).as("... once").isEqualTo(recorded[0]);
            assertThat(result.errorWindow()).as("seconds during which phones saw errors").isLessThanOrEqualTo(MAX_ERROR_SECONDS);
            assertThat(dashboardSeconds).as("the dashboard caught up with the database").isBetween(0.0, (double) CONVERGE_SECONDS);
        }
    }

    private Drill burstWithFault(String label, int trainees, Burst.ThrowingRunnable fault) throws Exception {
        ClusterWorld.Fixture fixture = world.prepare(label, trainees);
        awaitQueueEmpty();
        long baseline = world.dashboardFigure(fixture.provinceId());
        Burst.Result result = Burst.run(world, fixture, trainees, RATE, CLIENTS, Duration.ofSeconds(60),
                Duration.ofSeconds(trainees / RATE / 3), fault);
        long[] recorded;
        try (Connection c = world.db()) {
            recorded = world.recorded(c, fixture.sessionId());
        }
        String refusals = Burst.takeRefusals();
        double dashboard = world.awaitDashboard(fixture.provinceId(), Duration.ofSeconds(CONVERGE_SECONDS));
        return new Drill(fixture, result, recorded, baseline, dashboard, refusals);
    }

    /** The summaries are current (nothing queued), so that a drill's dashboard baseline is the truth. */
    private static void awaitQueueEmpty() throws Exception {
        long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < giveUp) {
            try (Connection c = world.db()) {
                if (ClusterWorld.count(c, "select count(*) from report_pending") == 0) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the reporting queue did not empty within 3 minutes");
    }

    /** The run-once locks (ShedLock's table), when the portal has them: who holds what, until when. */
    private static String locks() {
        try (Connection c = world.db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select name, lock_until, locked_at, locked_by from shedlock order by name")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append("[%s until %s, taken %s by %s] ".formatted(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3), rs.getString(4)));
            }
            return out.isEmpty() ? "(no lock held)" : out.toString();
        } catch (java.sql.SQLException e) {
            return "(no shedlock table: " + e.getMessage() + ")";
        }
    }

    private static void openGrid(Page page, ClusterWorld.Fixture fixture) {
        BrowserSupport.signIn(page, world.url, ClusterWorld.TRAINER, ClusterWorld.TRAINER_PASSWORD);
        page.navigate(world.url + "/classes/" + fixture.classId());
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Điểm danh")).click();
    }

    private static String cell(ClusterWorld.Fixture fixture, int i) {
        return "vaadin-select[data-cell='Học viên grid %04d|%s|MORNING']".formatted(i, fixture.date());
    }

    private static void awaitMarks(ClusterWorld.Fixture fixture, int expected) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < giveUp) {
            try (Connection c = world.db()) {
                if (world.recorded(c, fixture.sessionId())[0] >= expected) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the marks did not reach the database");
    }

    static void note(String text) throws java.io.IOException {
        System.out.println(text);
        Files.writeString(REPORT, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
