package vn.ntm.portal.training.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.ntm.portal.training.ClassFacts;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Classes as facts for other modules' read models, in plain SQL: a rebuild reads every class once. */
@Repository
public class ClassFactsStore {

    private static final String SELECT = """
            select c.id, c.code, c.title, c.start_date, c.unit_id, c.status, c.organising_level, c.delivery_mode, c.programme,
              c.topics, c.target_groups, coalesce(c.budget_vnd, 0), c.completion_share,
              (select count(*) from class_session s where s.class_id = c.id),
              coalesce((select group_concat(ct.account_id order by ct.account_id) from class_trainer ct where ct.class_id = c.id), '')
            from training_class c""";
    private static final RowMapper<ClassFacts> FACTS = (rs, i) -> new ClassFacts(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getDate(4).toLocalDate(), rs.getLong(5), ClassStatus.valueOf(rs.getString(6)), OrganisingLevel.valueOf(rs.getString(7)),
            DeliveryMode.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11), rs.getLong(12), rs.getInt(13),
            rs.getInt(14), ids(rs.getString(15)));

    private final JdbcTemplate jdbc;

    ClassFactsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ClassFacts> find(long classId) {
        return jdbc.query(SELECT + " where c.id = ?", FACTS, classId).stream().findFirst();
    }

    public void notCancelled(Consumer<ClassFacts> sink) {
        jdbc.query(SELECT + " where c.status <> 'CANCELLED' order by c.id", rs -> {
            sink.accept(FACTS.mapRow(rs, 0));
        });
    }

    public List<Long> idsBegunBy(LocalDate day) {
        return jdbc.queryForList("select id from training_class where status <> 'CANCELLED' and start_date <= ?", Long.class,
                Date.valueOf(day));
    }

    public boolean anyNotCancelled() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from training_class where status <> 'CANCELLED')",
                Boolean.class));
    }

    public List<Long> unitsWithClasses() {
        return jdbc.queryForList("select distinct unit_id from training_class", Long.class);
    }

    private static List<Long> ids(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).map(Long::valueOf).toList();
    }
}
