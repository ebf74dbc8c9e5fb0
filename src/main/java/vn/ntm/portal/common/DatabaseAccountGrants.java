package vn.ntm.portal.common;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The portal runs with an account that may only read and write data, so that nobody holding its password (the
 * application, or whoever takes it over) can empty the audit trail: no DROP, ALTER, TRUNCATE or TRIGGER anywhere,
 * and on the append-only tables (those whose DELETE trigger refuses) only SELECT and INSERT.
 * <p>
 * MariaDB cannot take one table out of a database-wide grant, so the grants are per table, and a migration that adds
 * a table needs them too. After every migration, Flyway's account (which owns the schema, with GRANT OPTION) grants
 * the account named in {@code portal.database.app-account} exactly that, table by table. Without that setting nothing
 * is granted and the operator grants by hand (docs/INSTALL.md, "The database and its two accounts").
 */
@Component
class DatabaseAccountGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAccountGrants.class);
    /** {@code 'user'@'host'}, quoted; nothing else is ever put into the statements. */
    private static final Pattern ACCOUNT = Pattern.compile("'[A-Za-z0-9_.$-]{1,80}'@'[A-Za-z0-9_.%:-]{1,255}'");
    private static final int NO_SUCH_GRANT = 1147;

    private final String account;

    DatabaseAccountGrants(@Value("${portal.database.app-account:}") String account) {
        this.account = account.strip();
        if (!this.account.isEmpty() && !ACCOUNT.matcher(this.account).matches()) {
            throw new IllegalArgumentException("portal.database.app-account must read 'user'@'host', e.g. 'ntm_app'@'10.0.0.5'");
        }
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE && !account.isEmpty();
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            grant(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the application's database account " + account
                    + " its rights; Flyway's account needs GRANT OPTION on the database (docs/INSTALL.md, The database and its two accounts)", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "portal-application-account-grants";
    }

    /** The statements for the current schema, in order; also what the README tells an operator to run by hand. */
    static List<String> statements(Map<String, String> tablesAndTypes, Set<String> appendOnly, String account) {
        List<String> statements = new ArrayList<>();
        tablesAndTypes.forEach((table, type) -> {
            if (table.equalsIgnoreCase("flyway_schema_history")) {
                return;
            }
            String on = " ON `" + table.replace("`", "``") + "` ";
            if (type.equals("VIEW")) {
                statements.add("GRANT SELECT" + on + "TO " + account);
            } else if (appendOnly.contains(table.toLowerCase())) {
                statements.add("GRANT SELECT, INSERT" + on + "TO " + account);
                statements.add("REVOKE UPDATE, DELETE" + on + "FROM " + account);
            } else {
                statements.add("GRANT SELECT, INSERT, UPDATE, DELETE" + on + "TO " + account);
            }
        });
        return statements;
    }

    private void grant(Connection connection) throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        Set<String> appendOnly = new HashSet<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("select table_name, table_type from information_schema.tables"
                    + " where table_schema = database() order by table_name")) {
                while (rs.next()) {
                    tables.put(rs.getString(1), rs.getString(2));
                }
            }
            // a table whose rows may never be deleted is guarded by a trigger that refuses DELETE
            try (ResultSet rs = st.executeQuery("select event_object_table from information_schema.triggers"
                    + " where trigger_schema = database() and event_manipulation = 'DELETE'"
                    + " and upper(action_statement) like '%SIGNAL%'")) {
                while (rs.next()) {
                    appendOnly.add(rs.getString(1).toLowerCase());
                }
            }
            for (String sql : statements(tables, appendOnly, account)) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    if (e.getErrorCode() != NO_SUCH_GRANT) {
                        throw e;
                    }
                }
            }
        }
        log.info("Granted {} data rights on {} tables ({} append-only: SELECT and INSERT only)", account,
                tables.size() - (tables.containsKey("flyway_schema_history") ? 1 : 0), appendOnly.size());
    }
}
