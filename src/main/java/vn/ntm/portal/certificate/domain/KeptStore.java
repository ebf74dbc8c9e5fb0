package vn.ntm.portal.certificate.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

/** Certificates a coordinator chose to keep although their holder no longer meets the class's rule. */
@Repository
public class KeptStore {

    private final JdbcTemplate jdbc;

    KeptStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Set<Long> keptOfClass(long classId) {
        return Set.copyOf(jdbc.queryForList("""
                select k.certificate_id from certificate_kept k join certificate c on c.id = k.certificate_id where c.class_id = ?""",
                Long.class, classId));
    }

    /** False when it was kept already. */
    public boolean keep(long certificateId, long by, Instant at) {
        return jdbc.update("insert ignore into certificate_kept (certificate_id, kept_by, kept_at) values (?, ?, ?)",
                certificateId, by, Timestamp.from(at)) == 1;
    }
}
