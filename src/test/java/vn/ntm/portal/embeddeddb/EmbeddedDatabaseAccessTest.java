package vn.ntm.portal.embeddeddb;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The quick start's database once let anyone on the LAN in as any user with no password. Now it takes connections
 * from this machine only, and only with an account's password.
 */
class EmbeddedDatabaseAccessTest {

    @Test
    void nobodyGetsInWithoutAPassword() {
        EmbeddedMariaDb db = server();

        for (String user : new String[]{"nobody", "root", EmbeddedMariaDb.APPLICATION, EmbeddedMariaDb.MIGRATOR}) {
            assertThatThrownBy(() -> connect(db, user, "").close()).as(user + " without a password")
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            assertThatThrownBy(() -> connect(db, user, "wrong-password").close()).as(user + " with a wrong password")
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
        }
    }

    @Test
    void theApplicationsAccountGetsInWithItsPasswordAndReadsTheData() throws SQLException {
        EmbeddedMariaDb db = server();

        try (Connection app = connect(db, EmbeddedMariaDb.APPLICATION, db.applicationPassword());
             ResultSet rs = app.createStatement().executeQuery("select current_user()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(EmbeddedMariaDb.APPLICATION + "@" + EmbeddedMariaDb.HOST);
        }
    }

    @Test
    void theServerListensOnLoopbackOnly() throws Exception {
        EmbeddedMariaDb db = server();

        try (Connection owner = connect(db, EmbeddedMariaDb.MIGRATOR, db.migratorPassword());
             ResultSet rs = owner.createStatement().executeQuery("select @@bind_address, @@skip_networking")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
        }
        // a server bound to every interface answers on any loopback address; this one only on 127.0.0.1
        assertThatThrownBy(() -> knock("127.0.0.2", db.port())).isInstanceOf(ConnectException.class);
        knock("127.0.0.1", db.port());
    }

    private static void knock(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        }
    }

    private static Connection connect(EmbeddedMariaDb db, String user, String password) throws SQLException {
        // no database named: the application's account has rights on tables only once Flyway has made them
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.port() + "/?connectTimeout=3000", user, password);
    }

    /** The server of this test run (started here when this class runs alone). */
    static EmbeddedMariaDb server() {
        return EmbeddedMariaDb.running().orElseGet(() -> EmbeddedMariaDb.start(
                Path.of(System.getProperty("portal.embedded-db.data-dir", "target/mariadb-tests")).toAbsolutePath(),
                Boolean.getBoolean("portal.embedded-db.fresh"), 0));
    }
}
