package vn.ntm.portal.training.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.ntm.portal.training.EnrolmentRequestStatus;
import vn.ntm.portal.training.EnrolmentRequestView;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Repository
public class EnrolmentRequestStore {

    private static final String SELECT = """
            select r.id, r.class_id, c.title, r.person_id, p.full_name, r.status, r.created_at
            from enrolment_request r join training_class c on c.id = r.class_id join person p on p.id = r.person_id""";
    private static final RowMapper<EnrolmentRequestView> ROW = (rs, i) -> new EnrolmentRequestView(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getLong(4), rs.getString(5), EnrolmentRequestStatus.valueOf(rs.getString(6)),
            rs.getTimestamp(7).toInstant());

    private final JdbcTemplate jdbc;

    EnrolmentRequestStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False when this account has asked to join this class before. */
    public boolean add(long classId, long personId, long accountId, Instant at) {
        return jdbc.update("insert ignore into enrolment_request (class_id, person_id, account_id, status, created_at) values (?, ?, ?, 'PENDING', ?)",
                classId, personId, accountId, Timestamp.from(at)) == 1;
    }

    public Optional<EnrolmentRequestView> find(long id) {
        return jdbc.query(SELECT + " where r.id = ?", ROW, id).stream().findFirst();
    }

    /** Pending and waitlisted requests of a class, oldest first: the waiting list is served in that order. */
    public List<EnrolmentRequestView> open(long classId) {
        return jdbc.query(SELECT + " where r.class_id = ? and r.status in ('PENDING', 'WAITLISTED') order by r.created_at, r.id", ROW, classId);
    }

    public List<EnrolmentRequestView> ofAccount(long accountId) {
        return jdbc.query(SELECT + " where r.account_id = ? order by r.created_at desc", ROW, accountId);
    }

    /** Moves a request from one status to another; false when it was no longer in the expected one. */
    public boolean decide(long id, EnrolmentRequestStatus from, EnrolmentRequestStatus to, long by, Instant at) {
        return jdbc.update("update enrolment_request set status = ?, decided_at = ?, decided_by = ? where id = ? and status = ?",
                to.name(), Timestamp.from(at), by, id, from.name()) == 1;
    }

    public Optional<EnrolmentRequestView> firstWaitlisted(long classId) {
        return jdbc.query(SELECT + " where r.class_id = ? and r.status = 'WAITLISTED' order by r.created_at, r.id limit 1", ROW, classId)
                .stream().findFirst();
    }

    /** Open classes organised in the trainee's commune or in any unit above it. */
    public List<Long> openClassesAbove(String unitPath, int offset, int limit) {
        return jdbc.queryForList("""
                select c.id from training_class c join administrative_unit u on u.id = c.unit_id
                where c.status = 'OPEN' and ? like concat(u.path, '%') order by c.start_date, c.id limit ? offset ?""",
                Long.class, unitPath, limit, offset);
    }
}
