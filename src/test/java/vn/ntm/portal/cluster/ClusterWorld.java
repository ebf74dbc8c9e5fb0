package vn.ntm.portal.cluster;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running cluster of {@code scripts/cluster.sh}, seen from outside as an operator and the phones see it: its
 * settings (from {@code cluster.sh env}), the database through the migration account, the portal through HAProxy, and
 * the script itself to kill and restart nodes. The fixture is written by SQL (a province, a running class with one
 * open session per run and its roster), because the cluster's portal has no other way in for test data; each run
 * names its own, so runs add up without clearing anything.
 */
final class ClusterWorld {

    static final ZoneId PORTAL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String TRAINER = "gv.cluster";
    static final String TRAINER_PASSWORD = "Cluster@2026";

    final Map<String, String> env;
    final String url;
    final HttpClient http;

    private ClusterWorld(Map<String, String> env) {
        this.env = env;
        this.url = env.get("CLUSTER_URL");
        // HTTP/1.1 as a phone's browser speaks to the portal
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    }

    /** The cluster that {@code scripts/cluster.sh up} started (it must be running: the tests do not start it). */
    static ClusterWorld running() throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : script("env").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        ClusterWorld world = new ClusterWorld(env);
        if (!script("status").contains("haproxy   running")) {
            throw new IllegalStateException("The cluster is not running: start it with scripts/cluster.sh up");
        }
        return world;
    }

    /** Runs {@code scripts/cluster.sh} with the given arguments and returns its output; fails on a non-zero exit. */
    static String script(String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add("bash");
        command.add(Path.of("scripts/cluster.sh").toAbsolutePath().toString());
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0 && !(args.length > 0 && args[0].equals("status"))) {
            throw new IllegalStateException("cluster.sh " + String.join(" ", args) + " failed (" + exit + "):\n" + out);
        }
        return out;
    }

    int portalNodes() {
        return env.get("CLUSTER_PORTAL_PORTS").split(",").length;
    }

    int[] dbPorts() {
        return java.util.Arrays.stream(env.get("CLUSTER_DB_PORTS").split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** The migration account, through Connector/J's failover list: it reaches the cluster while any node lives. */
    Connection db() throws SQLException {
        return DriverManager.getConnection(env.get("CLUSTER_JDBC_URL"), "ntm_migrate", env.get("DB_MIGRATE_PASSWORD"));
    }

    /** One Galera node on its own (no failover), to ask it for its state or its copy of the data. */
    Connection dbNode(int node) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + dbPorts()[node - 1] + "/ntm?connectTimeout=3000",
                "ntm_migrate", env.get("DB_MIGRATE_PASSWORD"));
    }

    static String status(Connection c, String variable) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show global status like '" + variable + "'")) {
            return rs.next() ? rs.getString(2) : "";
        }
    }

    static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A class of the run: its session open all day (in the portal's zone), its roster, queued for the reports. */
    record Fixture(long provinceId, long classId, long sessionId, String reference, String date, String phonePrefix, int trainees) {
        String phone(int i) {
            return phonePrefix + String.format("%04d", i);
        }
    }

    Fixture prepare(String label, int trainees) throws SQLException {
        try (Connection c = db()) {
            c.setAutoCommit(false);
            long province = provinceId(c);
            long run = count(c, "select count(*) from training_class where code like 'CLUSTER-%'") + 1;
            LocalDate today = LocalDate.now(PORTAL_ZONE);
            Timestamp now = Timestamp.from(Instant.now());
            long classId = insert(c, "insert into training_class (code, title, unit_id, organising_level, delivery_mode, start_date,"
                            + " end_date, status, completion_share, created_at) values (?, ?, ?, 'PROVINCE', 'ONLINE', ?, ?, 'RUNNING', 80, ?)",
                    "CLUSTER-" + run + "-" + label, "Tập huấn trên cụm (" + label + ")", province, today, today, now);
            long sessionId = insert(c, "insert into class_session (class_id, session_date, part, starts_at, ends_at, delivery_mode)"
                    + " values (?, ?, 'MORNING', '00:00:00', '23:59:00', 'ONLINE')", classId, today);
            // ten digits, unique to the run: 03, the run (4 digits), the trainee (4 digits: at most 10,000 a run)
            String prefix = String.format("03%04d", run % 10_000);
            try (PreparedStatement person = c.prepareStatement("insert into person (full_name, phone, created_at) values (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement roster = c.prepareStatement(
                         "insert into roster_entry (class_id, person_id, source, created_at) values (?, ?, 'IMPORT', ?)")) {
                for (int i = 0; i < trainees; i++) {
                    person.setString(1, "Học viên %s %04d".formatted(label, i));
                    person.setString(2, prefix + String.format("%04d", i));
                    person.setTimestamp(3, now);
                    person.executeUpdate();
                    try (ResultSet keys = person.getGeneratedKeys()) {
                        keys.next();
                        roster.setLong(1, classId);
                        roster.setLong(2, keys.getLong(1));
                        roster.setTimestamp(3, now);
                        roster.addBatch();
                    }
                }
                roster.executeBatch();
            }
            // the class enters the reports as one changed through the portal would: queued for the summary refresher
            insert(c, "insert into report_pending (class_id, person_id) values (?, null)", classId);
            long trainer = trainerAccount(c, province);
            insert(c, "insert into class_trainer (class_id, account_id) values (?, ?)", classId, trainer);
            c.commit();
            String reference;
            try (PreparedStatement s = c.prepareStatement("select checkin_ref from class_session where id = ?")) {
                s.setLong(1, sessionId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    reference = rs.getString(1);
                }
            }
            return new Fixture(province, classId, sessionId, reference, today.toString(), prefix, trainees);
        }
    }

    private long provinceId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id from administrative_unit where code = '96'"); ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                return rs.getLong(1);
            }
        }
        return insert(c, "insert into administrative_unit (code, name, kind, level, path) values ('96', 'Tỉnh Thử Nghiệm Cụm', 'PROVINCE', 'PROVINCE', '/96/')");
    }

    private long trainerAccount(Connection c, long province) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id from account where username = ?")) {
            s.setString(1, TRAINER);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        return insert(c, "insert into account (username, full_name, password_hash, role, unit_id, created_at) values (?, ?, ?, 'TRAINER', ?, ?)",
                TRAINER, "Giảng viên Cụm", "{bcrypt}" + new BCryptPasswordEncoder().encode(TRAINER_PASSWORD), province,
                Timestamp.from(Instant.now()));
    }

    private static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }

    /** Session attendances recorded for the session, and how many persons they are (equal unless one is doubled). */
    long[] recorded(Connection c, long sessionId) throws SQLException {
        return new long[] {count(c, "select count(*) from attendance where session_id = ?", sessionId),
                count(c, "select count(distinct person_id) from attendance where session_id = ?", sessionId)};
    }

    /**
     * The check-in code as the board shows it: HMAC-SHA256 of the session and the 30-second window under the site's
     * shared secret ({@code PORTAL_CHECKIN_SECRET}, which cluster.sh gives every node), as {@code CheckInCodes} derives it.
     */
    String code(long sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(env.get("PORTAL_CHECKIN_SECRET").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long window = Instant.now().getEpochSecond() / 30;
            byte[] digest = mac.doFinal(ByteBuffer.allocate(16).putLong(sessionId).putLong(window).array());
            int value = ByteBuffer.wrap(digest, 0, 4).getInt() & 0x7fffffff;
            return String.format("%06d", value % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Phone {@code i}'s check-in through HAProxy: its own device cookie, its network's address (20 phones per address). */
    HttpRequest checkIn(Fixture f, int i) {
        int network = i / 20;
        String form = "s=" + f.reference() + "&c=" + code(f.sessionId()) + "&id=" + f.phone(i);
        return HttpRequest.newBuilder(URI.create(url + "/checkin")).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                // a well-formed device id (22 characters of base64url, as the portal issues them): any other is not a
                // device to the limits, which then count the phone under its network's address (15 check-ins for 20 phones)
                .header("Cookie", "ntm-device=" + String.format("cp%s%014d", f.phonePrefix(), i))
                .header("X-Forwarded-For", "100.64." + (network / 250) + "." + (network % 250 + 1))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static final Pattern TOTAL_ATTENDANCES = Pattern.compile("\"total\"\\s*:\\s*\\{[^}]*?\"sessionAttendances\"\\s*:\\s*(\\d+)");

    /** The province's session attendances as its dashboard shows them (the report API, as the administrator). */
    long dashboardFigure(long provinceId) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("admin:" + env.get("PORTAL_ADMIN_PASSWORD")).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/reports/summary?unitId=" + provinceId))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOTAL_ATTENDANCES.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            return -1;
        }
        return Long.parseLong(m.group(1));
    }

    /** The truth the dashboard must reach: marks of presence (present or late) in the province's classes. */
    long attendancesInProvince(long provinceId) throws SQLException {
        try (Connection c = db()) {
            return count(c, "select count(*) from attendance a join class_session s on s.id = a.session_id"
                    + " join training_class k on k.id = s.class_id where k.unit_id = ? and a.status in ('PRESENT', 'LATE')", provinceId);
        }
    }

    /**
     * Waits until the dashboard shows exactly what the database holds (not a figure that overshoots: two refreshers
     * racing could count a change twice); returns the seconds it took, or -1 if not within {@code limit}.
     */
    double awaitDashboard(long provinceId, Duration limit) throws IOException, InterruptedException, SQLException {
        long start = System.nanoTime();
        long giveUp = start + limit.toNanos();
        while (System.nanoTime() < giveUp) {
            try {
                if (dashboardFigure(provinceId) == attendancesInProvince(provinceId)) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException | SQLException e) {
                // a node going away: ask again
            }
            Thread.sleep(250);
        }
        lastMismatch = "dashboard " + dashboardFigure(provinceId) + ", database " + attendancesInProvince(provinceId);
        return -1;
    }

    /** What the dashboard and the database said when {@link #awaitDashboard} gave up. */
    volatile String lastMismatch = "";
}
