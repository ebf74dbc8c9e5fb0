package vn.ntm.portal.account.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.ntm.portal.account.AccountName;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Names of accounts given by id, in plain SQL: a page of a few thousand ids, searched and ordered by the database. */
@Repository
public class AccountNames {

    private final JdbcTemplate jdbc;

    AccountNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, full_name from account where id in (" + marks(ids) + ")", rs -> {
                names.put(rs.getLong(1), rs.getString(2));
            }, ids.toArray());
        }
        return names;
    }

    /**
     * Among these accounts, those whose name matches {@code pattern} (a LIKE pattern with đ folded to d; null: all),
     * by name, a page. The column's collation ignores case and diacritics except đ, folded here on the column's side.
     */
    public List<AccountName> among(Collection<Long> ids, @Nullable String pattern, int offset, int limit) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(ids);
        String search = "";
        if (pattern != null) {
            search = " and replace(replace(a.full_name, 'đ', 'd'), 'Đ', 'd') like ?";
            args.add(pattern);
        }
        args.add(limit);
        args.add(offset);
        return jdbc.query("select a.id, a.full_name, u.name from account a left join administrative_unit u on u.id = a.unit_id"
                        + " where a.id in (" + marks(ids) + ")" + search + " order by a.full_name, a.id limit ? offset ?",
                (rs, i) -> new AccountName(rs.getLong(1), rs.getString(2), rs.getString(3)), args.toArray());
    }

    private static String marks(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }
}
