package vn.ntm.portal.learning.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.ntm.portal.learning.EnrolmentRow;
import vn.ntm.portal.learning.ModuleFigures;

import java.sql.Date;
import java.util.List;

/**
 * Enrolments and completions of the trainees within a scope: the trainee's account is joined to its administrative
 * unit and the unit's path must start with the scope (all when the scope is null), as for accounts.
 */
@Repository
public class EnrolmentQueries {

    private static final String IN_SCOPE = """
            from learning_enrolment e
            join curriculum_module m on m.id = e.module_id
            join account a on a.id = e.account_id
            left join administrative_unit u on u.id = a.unit_id
            where (:scope is null or u.path like concat(:scope, '%'))
              and (:module is null or e.module_id = :module)
            """;

    private final NamedParameterJdbcTemplate jdbc;

    EnrolmentQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ModuleFigures> figures(@Nullable String scope, int offset, int limit) {
        return jdbc.query("select m.id, m.title, count(*) enrolments, count(e.completed_on) completions " + IN_SCOPE
                        + " group by m.id, m.title order by m.title, m.id limit :limit offset :offset",
                params(scope, null).addValue("limit", limit).addValue("offset", offset),
                (rs, i) -> new ModuleFigures(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    public long countModules(@Nullable String scope) {
        Long n = jdbc.queryForObject("select count(distinct e.module_id) " + IN_SCOPE, params(scope, null), Long.class);
        return n == null ? 0 : n;
    }

    public List<EnrolmentRow> rows(@Nullable String scope, @Nullable Long moduleId, int offset, int limit) {
        return jdbc.query("""
                        select a.full_name, a.username, u.name, m.title, e.module_version, e.enrolled_at, e.completed_on,
                               e.completed_version""" + " " + IN_SCOPE
                        + " order by m.title, a.full_name, e.id limit :limit offset :offset",
                params(scope, moduleId).addValue("limit", limit).addValue("offset", offset),
                (rs, i) -> {
                    Date completed = rs.getDate(7);
                    int completedVersion = rs.getInt(8);
                    return new EnrolmentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getObject(6, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC), completed == null ? null : completed.toLocalDate(),
                            rs.wasNull() ? null : completedVersion);
                });
    }

    /** Enabled trainee accounts of the unit with this path and everything under it, not yet enrolled in the module. */
    public List<Long> traineesNotEnrolled(String unitPath, @Nullable String level, long moduleId) {
        return jdbc.queryForList("select a.id from account a join administrative_unit u on u.id = a.unit_id"
                + " where a.role = 'TRAINEE' and a.enabled and u.path like concat(:path, '%')"
                + " and (:level is null or a.trainee_level = :level)"
                + " and not exists (select 1 from learning_enrolment e where e.account_id = a.id and e.module_id = :module)"
                + " order by a.id", new MapSqlParameterSource().addValue("path", unitPath).addValue("level", level)
                .addValue("module", moduleId), Long.class);
    }

    private static MapSqlParameterSource params(@Nullable String scope, @Nullable Long moduleId) {
        return new MapSqlParameterSource().addValue("scope", scope).addValue("module", moduleId);
    }
}
