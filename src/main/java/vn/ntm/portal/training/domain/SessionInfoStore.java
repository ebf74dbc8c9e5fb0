package vn.ntm.portal.training.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.ntm.portal.training.SessionInfo;
import vn.ntm.portal.training.SessionPart;

import java.util.Optional;

@Repository
public class SessionInfoStore {

    private final JdbcTemplate jdbc;

    SessionInfoStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SessionInfo> find(long sessionId) {
        return jdbc.query("""
                select s.id, s.class_id, c.title, s.session_date, s.part, s.starts_at, s.ends_at
                from class_session s join training_class c on c.id = s.class_id where s.id = ?""",
                (rs, i) -> new SessionInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        SessionPart.valueOf(rs.getString(5)), rs.getTime(6).toLocalTime(), rs.getTime(7).toLocalTime()),
                sessionId).stream().findFirst();
    }

    /** A person found by phone or national ID, with whether they are on the class roster: one indexed query. */
    public record RosterPerson(long personId, String fullName, boolean onRoster) {
    }

    /**
     * The unmerged persons with this phone (or national ID), each with whether they are on the class's roster, oldest
     * first: a household's phone may name several people, so the caller decides rather than this query picking one.
     */
    public java.util.List<RosterPerson> findByIdentifier(long classId, @org.jspecify.annotations.Nullable String phone,
                                                         @org.jspecify.annotations.Nullable String nationalId) {
        if (phone == null && nationalId == null) {
            return java.util.List.of();
        }
        String column = phone != null ? "phone" : "national_id";
        return jdbc.query("select p.id, p.full_name, exists (select 1 from roster_entry r where r.class_id = ? and r.person_id = p.id) "
                        + "from person p where p." + column + " = ? and p.merged_into is null order by p.id limit 20",
                (rs, i) -> new RosterPerson(rs.getLong(1), rs.getString(2), rs.getBoolean(3)), classId,
                phone != null ? phone : nationalId);
    }

    public void addWalkIn(long sessionId, String fullName, String phone, String nationalId, java.time.Instant at) {
        jdbc.update("insert into walk_in (session_id, full_name, phone, national_id, status, created_at) values (?, ?, ?, ?, 'PENDING', ?)",
                sessionId, fullName, phone, nationalId, java.sql.Timestamp.from(at));
    }

    public record WalkIn(long id, long sessionId, String fullName, @org.jspecify.annotations.Nullable String phone,
                         @org.jspecify.annotations.Nullable String nationalId) {
    }

    public java.util.List<WalkIn> pendingWalkInList(long sessionId) {
        return jdbc.query("select id, session_id, full_name, phone, national_id from walk_in where session_id = ? and status = 'PENDING' order by id",
                (rs, i) -> new WalkIn(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)), sessionId);
    }

    public Optional<WalkIn> pendingWalkIn(long walkInId) {
        return jdbc.query("select id, session_id, full_name, phone, national_id from walk_in where id = ? and status = 'PENDING'",
                (rs, i) -> new WalkIn(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)), walkInId)
                .stream().findFirst();
    }

    /** Settles a pending request; false when someone settled it first. */
    public boolean settleWalkIn(long walkInId, boolean accepted) {
        return jdbc.update("update walk_in set status = ? where id = ? and status = 'PENDING'", accepted ? "ACCEPTED" : "DECLINED",
                walkInId) == 1;
    }

    public long pendingWalkIns(long sessionId) {
        Long n = jdbc.queryForObject("select count(*) from walk_in where session_id = ? and status = 'PENDING'", Long.class, sessionId);
        return n == null ? 0 : n;
    }
}
