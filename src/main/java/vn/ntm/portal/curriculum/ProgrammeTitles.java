package vn.ntm.portal.curriculum;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The programmes' ids and titles, by title, for other modules' choices (the reports' topic coverage): the few facts
 * they need, read without loading whole programmes.
 */
@Service
public class ProgrammeTitles {

    public record ProgrammeTitle(long id, String title) {
    }

    private final JdbcTemplate jdbc;

    ProgrammeTitles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ProgrammeTitle> all() {
        return jdbc.query("select id, title from curriculum_programme order by title",
                (rs, i) -> new ProgrammeTitle(rs.getLong(1), rs.getString(2)));
    }
}
