package vn.ntm.portal.curriculum.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.ntm.portal.security.Role;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The named authors of each programme (table curriculum_programme_author). Accounts are read from the account
 * table as a read model, as other modules do: who they are, their role and their unit's path.
 */
@Repository
public class ProgrammeAuthors {

    /** An account as authorship needs it. */
    public record Account(long id, String username, String fullName, Role role, boolean enabled, @Nullable String unitPath) {
    }

    private static final String ACCOUNT = "select a.id, a.username, a.full_name, a.role, a.enabled, u.path from account a"
            + " left join administrative_unit u on u.id = a.unit_id";

    private final JdbcTemplate jdbc;

    ProgrammeAuthors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isAuthor(long programmeId, long accountId) {
        Integer n = jdbc.queryForObject("select count(*) from curriculum_programme_author where programme_id = ? and account_id = ?",
                Integer.class, programmeId, accountId);
        return n != null && n > 0;
    }

    public Set<Long> programmesOf(long accountId) {
        return jdbc.queryForList("select programme_id from curriculum_programme_author where account_id = ?", Long.class, accountId)
                .stream().collect(Collectors.toSet());
    }

    public List<Account> authorsOf(long programmeId) {
        return jdbc.query(ACCOUNT + " join curriculum_programme_author pa on pa.account_id = a.id where pa.programme_id = ?"
                + " order by a.full_name, a.id", (rs, i) -> account(rs), programmeId);
    }

    public Optional<Account> account(long accountId) {
        return jdbc.query(ACCOUNT + " where a.id = ?", (rs, i) -> account(rs), accountId).stream().findFirst();
    }

    public Optional<Account> accountByUsername(String username) {
        return jdbc.query(ACCOUNT + " where lower(a.username) = lower(?)", (rs, i) -> account(rs), username).stream().findFirst();
    }

    /** Adds the author; false when they were one already. */
    public boolean add(long programmeId, long accountId, String grantedBy, Instant at) {
        return jdbc.update("insert ignore into curriculum_programme_author (programme_id, account_id, granted_by, granted_at)"
                + " values (?, ?, ?, ?)", programmeId, accountId, grantedBy, Timestamp.from(at)) > 0;
    }

    public boolean remove(long programmeId, long accountId) {
        return jdbc.update("delete from curriculum_programme_author where programme_id = ? and account_id = ?", programmeId, accountId) > 0;
    }

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)), rs.getBoolean(5),
                rs.getString(6));
    }
}
