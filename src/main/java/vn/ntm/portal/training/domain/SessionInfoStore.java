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

    private static final String SESSION = """
            select s.id, s.class_id, c.title, s.session_date, s.part, s.starts_at, s.ends_at, s.checkin_ref
            from class_session s join training_class c on c.id = s.class_id where""";

    public Optional<SessionInfo> find(long sessionId) {
        return jdbc.query(SESSION + " s.id = ?", SessionInfoStore::session, sessionId).stream().findFirst();
    }

    /** The session a check-in address names (its unguessable reference), or none. */
    public Optional<SessionInfo> findByReference(String reference) {
        return jdbc.query(SESSION + " s.checkin_ref = ?", SessionInfoStore::session, reference).stream().findFirst();
    }

    private static SessionInfo session(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SessionInfo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                SessionPart.valueOf(rs.getString(5)), rs.getTime(6).toLocalTime(), rs.getTime(7).toLocalTime(), rs.getString(8));
    }

    /** A person of the class roster found by phone or national ID. */
    public record RosterPerson(long personId, String fullName) {
    }

    /**
     * Looks only at the class roster (one indexed query): whoever else the number belongs to is never read, so no
     * answer can tell anything about them. A household's phone may name several trainees of the class: all of them
     * (at most two are needed to know it is ambiguous) come back, and the caller asks for the national ID.
     */
    public java.util.List<RosterPerson> findOnRoster(long classId, @org.jspecify.annotations.Nullable String phone,
                                               @org.jspecify.annotations.Nullable String nationalId) {
        if (phone == null && nationalId == null) {
            return java.util.List.of();
        }
        String column = phone != null ? "phone" : "national_id";
        return jdbc.query("select p.id, p.full_name from person p join roster_entry r on r.person_id = p.id and r.class_id = ? "
                        + "where p." + column + " = ? and p.merged_into is null order by p.id limit 2",
                (rs, i) -> new RosterPerson(rs.getLong(1), rs.getString(2)), classId,
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
