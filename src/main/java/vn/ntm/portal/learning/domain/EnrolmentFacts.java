package vn.ntm.portal.learning.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.ntm.portal.learning.ModuleCompleted;
import vn.ntm.portal.learning.OnlineEnrolmentFacts;

import java.sql.Date;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Enrolments as facts for other modules' read models, in plain SQL: a rebuild reads every enrolment once. */
@Repository
public class EnrolmentFacts {

    // the day of enrolment is the day in the portal's zone (an enrolment at 06:00 on 1 January in Vietnam is of the
    // new year), not the date of the stored UTC instant
    private static final String SELECT = """
            select e.id, a.unit_id, a.trainee_level, cm.programme_id, cm.topic_id, e.enrolled_at, e.completed_on
            from learning_enrolment e join account a on a.id = e.account_id join curriculum_module cm on cm.id = e.module_id""";
    private final RowMapper<OnlineEnrolmentFacts> facts = (rs, i) -> {
        long unit = rs.getLong(2);
        Long unitId = rs.wasNull() ? null : unit;
        Date completed = rs.getDate(7);
        return new OnlineEnrolmentFacts(rs.getLong(1), unitId, rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getTimestamp(6).toInstant().atZone(zone()).toLocalDate(), completed == null ? null : completed.toLocalDate());
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;

    EnrolmentFacts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /** The completed enrolments of a module, oldest first, as their completion was published. */
    public List<ModuleCompleted> completionsOf(long moduleId) {
        return jdbc.query("""
                select id, account_id, module_id, coalesce(completed_version, 0), completed_on from learning_enrolment
                where module_id = ? and completed_on is not null order by completed_on, id""",
                (rs, i) -> new ModuleCompleted(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getDate(5).toLocalDate()),
                moduleId);
    }

    public Optional<OnlineEnrolmentFacts> find(long enrolmentId) {
        return jdbc.query(SELECT + " where e.id = ?", facts, enrolmentId).stream().findFirst();
    }

    public void all(Consumer<OnlineEnrolmentFacts> sink) {
        jdbc.query(SELECT + " order by e.id", rs -> {
            sink.accept(facts.mapRow(rs, 0));
        });
    }

    /**
     * The quiz score of an enrolment: each quiz's best submitted attempt, averaged over the module's quizzes (percent,
     * rounded); null when the module has no quiz or none was submitted.
     */
    public @Nullable Integer quizScore(long enrolmentId) {
        return jdbc.queryForObject("""
                select round(avg(best)) from (select max(score_percent) as best from learning_quiz_attempt
                  where enrolment_id = ? and submitted_at is not null and score_percent is not null group by lesson_id) t""",
                Integer.class, enrolmentId);
    }

    /** The units of every account that has one (learners' units, mapped before the enrolments are). */
    public List<Long> unitsOfAccounts() {
        return jdbc.queryForList("select distinct unit_id from account where unit_id is not null", Long.class);
    }
}
