package vn.ntm.portal.training;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.ntm.portal.person.PersonsMerged;

/**
 * Moves the training history of a merged person to the kept record: roster places and attendance marks (where both
 * records have a mark for one session, the one that counts as attended wins). Runs after the merge commits, from
 * Spring Modulith's persisted event publication, so it is retried if the process stops half-way.
 */
@Component
class PersonMergeListener {

    private final JdbcTemplate jdbc;

    PersonMergeListener(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PersonsMerged merged) {
        long kept = merged.keptId();
        long gone = merged.mergedId();
        jdbc.update("""
                update attendance k join attendance g on g.session_id = k.session_id and g.person_id = ?
                set k.status = g.status, k.version = k.version + 1
                where k.person_id = ? and k.status not in ('PRESENT', 'LATE') and g.status in ('PRESENT', 'LATE')""", gone, kept);
        jdbc.update("delete g from attendance g join attendance k on k.session_id = g.session_id and k.person_id = ? where g.person_id = ?",
                kept, gone);
        jdbc.update("update attendance set person_id = ? where person_id = ?", kept, gone);
        jdbc.update("delete g from roster_entry g join roster_entry k on k.class_id = g.class_id and k.person_id = ? where g.person_id = ?",
                kept, gone);
        jdbc.update("update roster_entry set person_id = ? where person_id = ?", kept, gone);
        jdbc.update("update enrolment_request set person_id = ? where person_id = ?", kept, gone);
    }
}
