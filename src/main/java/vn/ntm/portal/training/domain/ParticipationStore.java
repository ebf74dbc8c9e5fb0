package vn.ntm.portal.training.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The facts of participation, counted in SQL: per class and person (merged records count as the kept one), on the
 * roster or not, sessions attended (present or late, each session once), sessions excused without being attended,
 * and the class's sessions and rule. Whether that is a completion is not decided here but by
 * {@code CompletionRule}, in Java, so there is one rule and not one per query.
 */
@Repository
public class ParticipationStore {

    private final JdbcTemplate jdbc;

    ParticipationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Facts(long classId, long personId, boolean enrolled, int attended, int excusedNotAttended,
                        @Nullable String traineeLevel) {
    }

    public record ClassRule(long classId, int sessions, int share, boolean excusedCounts) {
    }

    /** The rule and number of sessions of each of these classes. */
    public Map<Long, ClassRule> rules(Collection<Long> classIds) {
        if (classIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select c.id, (select count(*) from class_session s where s.class_id = c.id), c.completion_share,"
                        + " c.completion_counts_excused from training_class c where c.id in (" + marks(classIds) + ")",
                (rs, i) -> new ClassRule(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)), classIds.toArray())
                .stream().collect(Collectors.toMap(ClassRule::classId, r -> r));
    }

    /** The rule and number of sessions of the classes with an id in [from, to]. */
    public Map<Long, ClassRule> rulesBetween(long from, long to) {
        return jdbc.query("select c.id, (select count(*) from class_session s where s.class_id = c.id), c.completion_share,"
                        + " c.completion_counts_excused from training_class c where c.id between ? and ?",
                (rs, i) -> new ClassRule(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)), from, to)
                .stream().collect(Collectors.toMap(ClassRule::classId, r -> r));
    }

    /** Everyone of one class, or only these persons' records in it (null: all). */
    public List<Facts> ofClass(long classId, @Nullable List<Long> personRecords) {
        String persons = personRecords == null ? "" : " and %s.person_id in (" + marks(personRecords) + ")";
        List<Object> args = new ArrayList<>();
        args.add(classId);
        if (personRecords != null) {
            args.addAll(personRecords);
        }
        args.add(classId);
        if (personRecords != null) {
            args.addAll(personRecords);
        }
        List<Facts> out = new ArrayList<>();
        query(" and r.class_id = ?" + persons.formatted("r"), " and s.class_id = ?" + persons.formatted("a"), args.toArray(), out::add);
        return out;
    }

    /** Everyone of the classes with an id in [from, to], streamed: a range of a thousand classes at a time in a rebuild. */
    public void ofClassRange(long from, long to, Consumer<Facts> sink) {
        query(" and r.class_id between ? and ?", " and s.class_id between ? and ?", new Object[]{from, to, from, to}, sink);
    }

    /** The classes in which any of these person records has a roster place. */
    public List<Long> classesOnRosterOf(Collection<Long> personRecords) {
        if (personRecords.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("select distinct class_id from roster_entry where person_id in (" + marks(personRecords) + ")",
                Long.class, personRecords.toArray());
    }

    private void query(String rosterCondition, String attendanceCondition, Object[] args, Consumer<Facts> sink) {
        // a person with only excused marks and no roster place is nobody's participation: left out, as always
        jdbc.query("""
                select t.class_id, t.who, max(t.enrolled), max(t.attended), max(t.marked) - max(t.attended), coalesce(max(t.level), k.trainee_level)
                from (
                  select r.class_id, coalesce(p.merged_into, p.id) as who, 1 as enrolled, 0 as attended, 0 as marked,
                    r.trainee_level as level
                    from roster_entry r join person p on p.id = r.person_id where 1 = 1 %s
                  union all
                  -- marked: sessions present, late or excused, so excused-only = marked - attended even across merged records
                  select s.class_id, coalesce(p.merged_into, p.id) as who, 0,
                    count(distinct case when a.status in ('PRESENT', 'LATE') then a.session_id end),
                    count(distinct a.session_id), null
                    from attendance a join class_session s on s.id = a.session_id join person p on p.id = a.person_id
                    where a.status in ('PRESENT', 'LATE', 'EXCUSED') %s group by s.class_id, who
                ) t join person k on k.id = t.who
                group by t.class_id, t.who
                having max(t.enrolled) = 1 or max(t.attended) > 0""".formatted(rosterCondition, attendanceCondition),
                rs -> {
                    sink.accept(new Facts(rs.getLong(1), rs.getLong(2), rs.getInt(3) == 1, rs.getInt(4), rs.getInt(5), rs.getString(6)));
                }, args);
    }

    private static String marks(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }
}
