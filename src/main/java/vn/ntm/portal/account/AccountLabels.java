package vn.ntm.portal.account;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.account.domain.AccountNames;
import vn.ntm.portal.common.Texts;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Accounts' names for other modules' lists and labels (the reports' trainers), so that they do not read the account
 * table: names only, never contact details, for the roles that read reports.
 */
@Service
public class AccountLabels {

    private final AccountNames names;

    AccountLabels(AccountNames names) {
        this.names = names;
    }

    /** The names of these accounts, any role. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(Collection<Long> ids) {
        return names.names(ids);
    }

    /**
     * Among these accounts, those whose name contains {@code search} (without case or diacritics, đ as d; blank: all),
     * by name, a page of them with their unit's name.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<AccountName> namesAmong(Collection<Long> ids, @Nullable String search, int offset, int limit) {
        String text = search == null ? null : Texts.clean(search);
        String pattern = null;
        if (text != null && !text.isBlank()) {
            String plain = text.replace('đ', 'd').replace('Đ', 'd');
            pattern = "%" + plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
        return names.among(ids, pattern, offset, limit);
    }
}
