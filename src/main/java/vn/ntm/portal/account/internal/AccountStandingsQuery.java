package vn.ntm.portal.account.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.portal.security.AccountStandings;
import vn.ntm.portal.security.Role;

import java.util.Optional;

/** One indexed read per check: whether the account is enabled, its role, its unit and that unit's path. */
@Component
class AccountStandingsQuery implements AccountStandings {

    private final JdbcTemplate jdbc;

    AccountStandingsQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Standing> current(long accountId) {
        return jdbc.query("select a.enabled, a.role, a.unit_id, u.path from account a"
                + " left join administrative_unit u on u.id = a.unit_id where a.id = ?", (rs, i) -> {
            long unit = rs.getLong(3);
            Long unitId = rs.wasNull() ? null : unit;
            return new Standing(rs.getBoolean(1), Role.valueOf(rs.getString(2)), unitId, rs.getString(4));
        }, accountId).stream().findFirst();
    }
}
