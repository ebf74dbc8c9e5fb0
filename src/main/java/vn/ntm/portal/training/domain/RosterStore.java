package vn.ntm.portal.training.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.ntm.portal.account.TraineeLevel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The roster of a class, joined with what the grid and the exports show of each person. */
@Repository
public class RosterStore {

    private final JdbcTemplate jdbc;

    RosterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long personId, String fullName, @Nullable Integer birthYear, @Nullable String phone,
                      @Nullable String nationalId, @Nullable String communeName, @Nullable String position,
                      @Nullable TraineeLevel level) {
    }

    /** Adds a person to a roster; false when they are on it already. */
    public boolean add(long classId, long personId, String source, Instant at) {
        return jdbc.update("insert ignore into roster_entry (class_id, person_id, source, created_at) values (?, ?, ?, ?)",
                classId, personId, source, Timestamp.from(at)) == 1;
    }

    /**
     * Adds many persons to a roster, a few hundred per statement; returns those who were not on it yet, in order
     * (each once). {@code progress} hears (done, total) after each statement.
     */
    public List<Long> addAll(long classId, List<Long> personIds, String source, Instant at,
                             java.util.function.BiConsumer<Integer, Integer> progress) {
        java.util.Set<Long> wanted = new java.util.LinkedHashSet<>(personIds);
        java.util.Set<Long> present = new java.util.HashSet<>(jdbc.queryForList(
                "select person_id from roster_entry where class_id = ?", Long.class, classId));
        List<Long> fresh = wanted.stream().filter(id -> !present.contains(id)).toList();
        Timestamp now = Timestamp.from(at);
        int chunk = 500;
        for (int from = 0; from < fresh.size(); from += chunk) {
            List<Long> part = fresh.subList(from, Math.min(fresh.size(), from + chunk));
            StringBuilder sql = new StringBuilder("insert ignore into roster_entry (class_id, person_id, source, created_at) values ");
            List<Object> args = new java.util.ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?)");
                args.add(classId);
                args.add(part.get(i));
                args.add(source);
                args.add(now);
            }
            jdbc.update(sql.toString(), args.toArray());
            progress.accept(from + part.size(), fresh.size());
        }
        return fresh;
    }

    public boolean remove(long classId, long personId) {
        return jdbc.update("delete from roster_entry where class_id = ? and person_id = ?", classId, personId) == 1;
    }

    public boolean contains(long classId, long personId) {
        Integer n = jdbc.queryForObject("select count(*) from roster_entry where class_id = ? and person_id = ?",
                Integer.class, classId, personId);
        return n != null && n > 0;
    }

    public long count(long classId) {
        Long n = jdbc.queryForObject("select count(*) from roster_entry where class_id = ?", Long.class, classId);
        return n == null ? 0 : n;
    }

    public List<Row> rows(long classId, int offset, int limit) {
        return jdbc.query("""
                select p.id, p.full_name, p.birth_year, p.phone, p.national_id, u.name, p.position, p.trainee_level
                from roster_entry r join person p on p.id = r.person_id left join administrative_unit u on u.id = p.commune_id
                where r.class_id = ? order by p.full_name, p.id limit ? offset ?""",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8) == null ? null : TraineeLevel.valueOf(rs.getString(8))),
                classId, limit, offset);
    }
}
