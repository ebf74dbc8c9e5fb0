package vn.ntm.portal.account.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.account.domain.Account;
import vn.ntm.portal.account.domain.AccountRepository;
import vn.ntm.portal.common.PhoneNumbers;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

/** Finds an account by login name, e-mail or phone (in any written form) for Spring Security. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final UnitDirectory units;

    AccountUserDetailsService(AccountRepository accounts, UnitDirectory units) {
        this.accounts = accounts;
        this.units = units;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String login) {
        String typed = login == null ? "" : login.strip();
        String phone = PhoneNumbers.normalize(typed);
        Account account = accounts.findByLogin(phone != null ? phone : typed)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        String unitPath = account.getUnitId() == null ? null
                : units.findById(account.getUnitId()).map(UnitSummary::path).orElse(null);
        return new PortalUser(account.getId(), account.getUsername(), account.getFullName(), account.getRole(),
                account.getUnitId(), unitPath, account.isEnabled(), account.getPasswordHash());
    }
}
