package vn.ntm.portal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;

/** Helpers shared by the integration tests: a clean database and a signed-in caller. */
public final class TestData {

    private TestData() {
    }

    /** Empties the tables that tests fill, so each test starts from a known state. */
    public static void reset(JdbcTemplate jdbc) {
        // the reporting listeners of the previous test may still be at work on their own threads: let them finish
        // first, so that emptying their tables does not collide with a refresh
        awaitEventsHandled(jdbc);
        for (String table : new String[]{"report_pending", "report_cell", "report_participation", "report_class", "report_class_trainer", "report_planned_level", "report_planned_class", "report_online", "report_unit_map", "report_certificate"}) {
            deleteAll(jdbc, table);
        }
        for (String table : new String[]{"learning_media_position", "learning_quiz_attempt", "learning_lesson_progress", "learning_enrolment",
                "curriculum_option", "curriculum_question", "curriculum_lesson", "curriculum_module_edition", "curriculum_module_unit", "curriculum_module_level",
                "curriculum_module", "curriculum_topic", "curriculum_topic_group", "curriculum_programme_author", "curriculum_programme"}) {
            jdbc.update("delete from " + table);
        }
        // paper certificates of past years name imported classes and persons by key only; their numbers must be free again
        jdbc.update("delete from certificate_paper");
        jdbc.update("delete from training_plan");
        jdbc.update("delete from walk_in");
        jdbc.update("delete from enrolment_request");
        jdbc.update("delete from attendance");
        jdbc.update("delete from roster_entry");
        jdbc.update("delete from class_session");
        jdbc.update("delete from class_trainer");
        jdbc.update("delete from training_class");
        jdbc.update("update person set merged_into = null");
        jdbc.update("delete from person");
        jdbc.update("delete from unit_successor");
        jdbc.update("delete from account");
        jdbc.update("delete from organisation");
        jdbc.update("update administrative_unit set parent_id = null");
        jdbc.update("delete from administrative_unit");
        // the audit trail refuses DELETE (append-only triggers), and the application's account may not TRUNCATE:
        // only the schema's owner empties it between tests
        asSchemaOwner(jdbc).execute((org.springframework.jdbc.core.ConnectionCallback<Object>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set foreign_key_checks = 0");
                statement.execute("truncate table audit_change_field");
                statement.execute("truncate table audit_change");
                statement.execute("set foreign_key_checks = 1");
            }
            return null;
        });
        SecurityContextHolder.clearContext();
    }

    /**
     * The tests' way in as the schema's owner (Flyway's account), for what the application's own account may not do:
     * emptying the audit trail, dropping the database. Against an external server, the configured account.
     */
    /**
     * Empties the certificate tables, the coordinators' "keep" decisions first (they name certificates by key), so
     * that a test issuing certificates starts from none whatever ran before it in the same database.
     */
    public static void forgetCertificates(JdbcTemplate jdbc) {
        for (String table : new String[]{"certificate_kept", "certificate", "certificate_template", "certificate_counter"}) {
            jdbc.update("delete from " + table);
        }
    }

    public static JdbcTemplate asSchemaOwner(JdbcTemplate application) {
        return vn.ntm.portal.embeddeddb.EmbeddedMariaDb.running()
                .map(db -> new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                        db.jdbcUrl(), vn.ntm.portal.embeddeddb.EmbeddedMariaDb.MIGRATOR, db.migratorPassword())))
                .orElse(application);
    }

    /**
     * Waits (at most 20 s) until the events published in the last minute have been handled by their listeners, and
     * the changes they queued for the reporting summaries have been worked.
     * Older unfinished ones are left alone: a test that stopped the database on purpose may leave some behind.
     */
    public static void awaitEventsHandled(JdbcTemplate jdbc) {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < giveUp) {
            Long open = jdbc.queryForObject("select count(*) from EVENT_PUBLICATION where completion_date is null"
                    + " and (status is null or status <> 'FAILED') and publication_date > ?", Long.class,
                    java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)));
            Long queued = jdbc.queryForObject("select count(*) from report_pending where queued_at > ?", Long.class,
                    java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)));
            if ((open == null || open == 0) && (queued == null || queued == 0)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A delete that a refresh still running on another thread may deadlock with: InnoDB asks to try again. */
    private static void deleteAll(JdbcTemplate jdbc, String table) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.update("delete from " + table);
                return;
            } catch (org.springframework.dao.PessimisticLockingFailureException deadlock) {
                if (attempt == 5) {
                    throw deadlock;
                }
                awaitEventsHandled(jdbc);
            }
        }
    }

    public static PortalUser signInAs(Role role, Long unitId, String unitPath) {
        PortalUser user = new PortalUser(-1, "test-" + role.name().toLowerCase(), "Test " + role, role, unitId, unitPath, true, null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }

    /** Signs in as an existing account, with its real id and unit path (for services that record who did what). */
    public static PortalUser signInAsAccount(JdbcTemplate jdbc, String username) {
        return jdbc.queryForObject("select a.id, a.full_name, a.role, a.unit_id, u.path from account a"
                + " left join administrative_unit u on u.id = a.unit_id where a.username = ?", (rs, i) -> {
            long unitId = rs.getLong(4);
            Long unit = rs.wasNull() ? null : unitId;
            PortalUser user = new PortalUser(rs.getLong(1), username, rs.getString(2), Role.valueOf(rs.getString(3)), unit,
                    rs.getString(5), true, null);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            return user;
        }, username);
    }

    public static PortalUser signInAsAdmin() {
        return signInAs(Role.ADMIN, null, null);
    }
}
