package vn.ntm.portal.training.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.ntm.portal.training.AttendanceSource;
import vn.ntm.portal.training.AttendanceStatus;
import vn.ntm.portal.training.ClassCounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Attendance marks in plain SQL: the grid reads a whole class at once, and check-in must stay one statement. */
@Repository
public class AttendanceStore {

    private final JdbcTemplate jdbc;

    AttendanceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Mark(long sessionId, long personId, AttendanceStatus status, @Nullable String note, long version) {
    }

    public java.util.Optional<Mark> find(long sessionId, long personId) {
        return jdbc.query("select session_id, person_id, status, note, version from attendance where session_id = ? and person_id = ?",
                (rs, i) -> new Mark(rs.getLong(1), rs.getLong(2), AttendanceStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getLong(5)),
                sessionId, personId).stream().findFirst();
    }

    public List<Mark> marksOfClass(long classId) {
        return jdbc.query("""
                select a.session_id, a.person_id, a.status, a.note, a.version from attendance a
                join class_session s on s.id = a.session_id where s.class_id = ?""",
                (rs, i) -> new Mark(rs.getLong(1), rs.getLong(2), AttendanceStatus.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getLong(5)), classId);
    }

    /**
     * Records a trainer's mark. {@code expectedVersion} is the version the trainer saw (null: no mark yet);
     * returns false when someone else changed the mark meanwhile, so that nothing is overwritten silently.
     */
    public boolean mark(long sessionId, long personId, AttendanceStatus status, @Nullable String note,
                        @Nullable Long expectedVersion, long recordedBy, Instant at) {
        if (expectedVersion == null) {
            try {
                jdbc.update("""
                        insert into attendance (session_id, person_id, status, note, source, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?)""", sessionId, personId, status.name(), note,
                        AttendanceSource.TRAINER.name(), Timestamp.from(at), recordedBy);
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        return jdbc.update("""
                update attendance set status = ?, note = ?, source = ?, recorded_at = ?, recorded_by = ?, version = version + 1
                where session_id = ? and person_id = ? and version = ?""", status.name(), note, AttendanceSource.TRAINER.name(),
                Timestamp.from(at), recordedBy, sessionId, personId, expectedVersion) == 1;
    }

    /**
     * Changes only the note of an existing mark, against the version the trainer saw; false when the mark changed
     * meanwhile (or is gone). The status and when it was recorded stay as they are.
     */
    public boolean note(long sessionId, long personId, @Nullable String note, long expectedVersion) {
        return jdbc.update("update attendance set note = ?, version = version + 1 where session_id = ? and person_id = ? and version = ?",
                note, sessionId, personId, expectedVersion) == 1;
    }

    /**
     * A self check-in: one statement, safe to repeat. Returns true when this call made the person present
     * (a new record, or an earlier absent/excused mark), false when they were already present or late.
     */
    public boolean checkIn(long sessionId, long personId, Instant at) {
        // two statements rather than one upsert: the driver reports matched rather than changed rows by default
        int inserted = jdbc.update("""
                insert ignore into attendance (session_id, person_id, status, source, recorded_at)
                values (?, ?, 'PRESENT', 'SELF_CHECK_IN', ?)""", sessionId, personId, Timestamp.from(at));
        if (inserted == 1) {
            return true;
        }
        return jdbc.update("""
                update attendance set status = 'PRESENT', source = 'SELF_CHECK_IN', recorded_at = ?, version = version + 1
                where session_id = ? and person_id = ? and status not in ('PRESENT', 'LATE')""",
                Timestamp.from(at), sessionId, personId) == 1;
    }

    /** A mark from a past year's record: present, as the spreadsheet says; false when the person had it already. */
    public boolean recordImported(long sessionId, long personId, Instant at) {
        return jdbc.update("insert ignore into attendance (session_id, person_id, status, source, recorded_at) values (?, ?, 'PRESENT', 'IMPORT', ?)",
                sessionId, personId, Timestamp.from(at)) == 1;
    }

    public long countCheckedIn(long sessionId) {
        Long n = jdbc.queryForObject("select count(*) from attendance where session_id = ? and status in ('PRESENT', 'LATE')",
                Long.class, sessionId);
        return n == null ? 0 : n;
    }

    /**
     * The counters of a class, each straight from the base tables; merged persons count once. Completions are
     * decided by the class's completion rule (training's {@code Participations}) and handed in.
     */
    public ClassCounts counts(long classId, long completions) {
        return jdbc.queryForObject("""
                select
                  (select count(*) from roster_entry r where r.class_id = ?) as enrolments,
                  (select count(*) from attendance a join class_session s on s.id = a.session_id
                     where s.class_id = ? and a.status in ('PRESENT', 'LATE')) as session_attendances,
                  (select count(distinct coalesce(p.merged_into, p.id)) from attendance a
                     join class_session s on s.id = a.session_id join person p on p.id = a.person_id
                     where s.class_id = ? and a.status in ('PRESENT', 'LATE')) as participants,
                  (select count(*) from class_session s where s.class_id = ?) as sessions
                """, (rs, i) -> new ClassCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(3), completions, rs.getInt(4)),
                classId, classId, classId, classId);
    }
}
