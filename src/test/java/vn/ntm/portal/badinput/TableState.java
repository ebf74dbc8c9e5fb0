package vn.ntm.portal.badinput;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every table a person's input can reach holds, as MariaDB's checksum of each: a refusal must leave them all as
 * they were. The report summaries and the event log are left out, since listeners of an earlier, accepted case may
 * still be writing them; so are the tables of the nodes' shared machinery (job leases renewed every second, throttle
 * counters, secrets made on first use, the rebuild's state), which change with no one's input.
 */
public final class TableState {

    private TableState() {
    }

    public static Map<String, Long> of(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = database() and table_type = 'BASE TABLE'
                  and table_name not like 'report\\_%' and lower(table_name) not in ('event_publication', 'flyway_schema_history',
                      'shedlock', 'throttle_counter', 'shared_secret', 'background_job')
                order by table_name""", String.class);
        Map<String, Long> sums = new LinkedHashMap<>();
        for (String table : tables) {
            jdbc.query("checksum table `" + table + "`", rs -> {
                sums.put(table, rs.getLong(2));
            });
        }
        return sums;
    }

    /** The tables whose content differs between two states. */
    public static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
        return after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t))).toList();
    }
}
