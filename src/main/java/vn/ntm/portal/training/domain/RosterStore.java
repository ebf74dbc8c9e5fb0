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

    /**
     * Who the trainee was for this class, as the roster recorded it: level, commune, organisation, position. What
     * the row does not say is taken from the person's record at the moment they join the roster, and kept then.
     */
    public record AsRecorded(@Nullable TraineeLevel level, @Nullable Long communeId, @Nullable String organisation,
                             @Nullable String position) {
        public static final AsRecorded PERSON_TODAY = new AsRecorded(null, null, null, null);
    }

    /** Adds a person to a roster as they are recorded today; false when they are on it already. */
    public boolean add(long classId, long personId, String source, Instant at) {
        return add(classId, personId, source, at, AsRecorded.PERSON_TODAY);
    }

    /** Adds a person to a roster with what the roster row says of them; false when they are on it already. */
    public boolean add(long classId, long personId, String source, Instant at, AsRecorded recorded) {
        return jdbc.update("""
                insert ignore into roster_entry (class_id, person_id, source, created_at, trainee_level, commune_id, organisation, position)
                select ?, p.id, ?, ?, coalesce(?, p.trainee_level), coalesce(?, p.commune_id), coalesce(?, p.organisation),
                  coalesce(?, p.position)
                from person p where p.id = ?""",
                classId, source, Timestamp.from(at), recorded.level() == null ? null : recorded.level().name(), recorded.communeId(),
                recorded.organisation(), recorded.position(), personId) == 1;
    }

    /**
     * Adds many persons to a roster, a few hundred per statement; returns those who were not on it yet, in order
     * (each once). {@code progress} hears (done, total) after each statement.
     */
    public List<Long> addAll(long classId, List<Long> personIds, String source, Instant at,
                             java.util.function.BiConsumer<Integer, Integer> progress) {
        return addAll(classId, personIds, java.util.Collections.nCopies(personIds.size(), AsRecorded.PERSON_TODAY), source, at, progress);
    }

    /** {@link #addAll} with what each row says of the person (in the order of {@code personIds}; the first row of a person counts). */
    public List<Long> addAll(long classId, List<Long> personIds, List<AsRecorded> recorded, String source, Instant at,
                             java.util.function.BiConsumer<Integer, Integer> progress) {
        java.util.Map<Long, AsRecorded> asRecorded = new java.util.HashMap<>();
        for (int i = 0; i < personIds.size(); i++) {
            asRecorded.putIfAbsent(personIds.get(i), recorded.get(i));
        }
        java.util.Set<Long> wanted = new java.util.LinkedHashSet<>(personIds);
        java.util.Set<Long> present = new java.util.HashSet<>(jdbc.queryForList(
                "select person_id from roster_entry where class_id = ?", Long.class, classId));
        List<Long> fresh = wanted.stream().filter(id -> !present.contains(id)).toList();
        Timestamp now = Timestamp.from(at);
        int chunk = 500;
        for (int from = 0; from < fresh.size(); from += chunk) {
            List<Long> part = fresh.subList(from, Math.min(fresh.size(), from + chunk));
            StringBuilder sql = new StringBuilder("insert ignore into roster_entry (class_id, person_id, source, created_at, "
                    + "trainee_level, commune_id, organisation, position) values ");
            List<Object> args = new java.util.ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                AsRecorded r = asRecorded.get(part.get(i));
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?, ?)");
                args.add(classId);
                args.add(part.get(i));
                args.add(source);
                args.add(now);
                args.add(r.level() == null ? null : r.level().name());
                args.add(r.communeId());
                args.add(r.organisation());
                args.add(r.position());
            }
            jdbc.update(sql.toString(), args.toArray());
            // what the rows did not say: the person's record as it is now
            jdbc.update("update roster_entry r join person p on p.id = r.person_id set r.trainee_level = coalesce(r.trainee_level, p.trainee_level),"
                    + " r.commune_id = coalesce(r.commune_id, p.commune_id), r.organisation = coalesce(r.organisation, p.organisation),"
                    + " r.position = coalesce(r.position, p.position) where r.class_id = ? and r.person_id in ("
                    + String.join(",", java.util.Collections.nCopies(part.size(), "?")) + ")",
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(classId), part.stream()).toArray());
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
                select p.id, p.full_name, p.birth_year, p.phone, p.national_id, u.name, coalesce(r.position, p.position),
                  coalesce(r.trainee_level, p.trainee_level)
                from roster_entry r join person p on p.id = r.person_id
                  left join administrative_unit u on u.id = coalesce(r.commune_id, p.commune_id)
                where r.class_id = ? order by p.full_name, p.id limit ? offset ?""",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8) == null ? null : TraineeLevel.valueOf(rs.getString(8))),
                classId, limit, offset);
    }
}
