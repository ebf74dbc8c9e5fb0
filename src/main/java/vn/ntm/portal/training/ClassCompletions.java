package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.training.domain.TrainingClass;

import java.util.List;

/**
 * Who on a class's roster completed it, by the class's rule (share of its sessions attended, present or late), as
 * {@code AttendanceStore.counts} counts them. Read by the certificates; to be replaced by training's participation
 * API when that lands.
 */
@Service
public class ClassCompletions {

    /** One trainee of the class: sessions attended (present or late) of the class's sessions, and the verdict. */
    public record Participant(long personId, String fullName, @Nullable Integer birthYear, @Nullable String communeName,
                              int sessionsAttended, int sessions, boolean completed) {
    }

    private final JdbcTemplate jdbc;
    private final ClassAccess access;

    ClassCompletions(JdbcTemplate jdbc, ClassAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<Participant> participants(long classId) {
        TrainingClass c = access.readable(classId);
        Integer sessions = jdbc.queryForObject("select count(*) from class_session where class_id = ?", Integer.class, classId);
        int total = sessions == null ? 0 : sessions;
        int share = c.getCompletionShare();
        return jdbc.query("""
                select p.id, p.full_name, p.birth_year, u.name,
                  (select count(distinct a.session_id) from attendance a join class_session s on s.id = a.session_id
                   where s.class_id = r.class_id and a.person_id = r.person_id and a.status in ('PRESENT', 'LATE')) attended
                from roster_entry r join person p on p.id = r.person_id
                  left join administrative_unit u on u.id = coalesce(r.commune_id, p.commune_id)
                where r.class_id = ? order by p.full_name, p.id""", (rs, i) -> {
            int attended = rs.getInt(5);
            return new Participant(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class), rs.getString(4),
                    attended, total, total > 0 && attended * 100L >= (long) share * total);
        }, classId);
    }
}
