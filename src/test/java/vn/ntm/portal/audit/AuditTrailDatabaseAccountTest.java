package vn.ntm.portal.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.portal.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail was emptied with the application's own database account: TRUNCATE fires no trigger, and
 * DROP TRIGGER then DELETE went through. The portal now runs with an account that may only read and write data,
 * and on the audit tables only read and add.
 */
@SpringBootTest
class AuditTrailDatabaseAccountTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApplicationsAccountCannotEmptyTheAuditTrail() {
        for (String table : new String[]{"audit_change", "audit_change_field"}) {
            assertRefused("truncate table " + table);
            assertRefused("delete from " + table);
            assertRefused("update " + table + " set " + (table.equals("audit_change") ? "actor_name = 'x'" : "field = 'x'"));
            assertRefused("drop table " + table);
            assertRefused("alter table " + table + " engine = InnoDB");
            assertRefused("rename table " + table + " to " + table + "_old");
        }
        for (String trigger : new String[]{"audit_change_no_delete", "audit_change_field_no_delete"}) {
            // MariaDB does not even tell an account without the TRIGGER right that the trigger exists
            assertThatThrownBy(() -> jdbc.execute("drop trigger " + trigger)).as("drop trigger " + trigger)
                    .isInstanceOf(DataAccessException.class).rootCause()
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("denied", "does not exist"));
        }
        assertRefused("create trigger audit_sneak before insert on audit_change for each row set new.actor_name = 'x'");
        assertThat(TestData.asSchemaOwner(jdbc).queryForObject("select count(*) from information_schema.triggers where trigger_name like 'audit%'",
                Integer.class)).as("the triggers are all still there").isEqualTo(4);
    }

    @Test
    void theApplicationsAccountHoldsNoSchemaRights() {
        assertRefused("create table sneak (id int)");
        assertRefused("drop table person");
        assertRefused("truncate table person");
        assertRefused("alter table person add column sneak int");
        assertRefused("create temporary table sneak (id int)");
        assertRefused("drop database ntm");
        assertThat(jdbc.queryForList("show grants", String.class))
                .as("no right beyond reading and writing data")
                .allSatisfy(grant -> assertThat(grant).matches("GRANT (USAGE|SELECT|SELECT, INSERT|SELECT, INSERT, UPDATE, DELETE) ON .*")
                        .doesNotContain("WITH GRANT OPTION"));
    }

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("denied");
    }
}
