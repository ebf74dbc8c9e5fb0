package vn.ntm.portal.security;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.ntm.portal.ViewTestData;
import vn.ntm.portal.account.AccountService;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;

import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Guessing passwords is slowed without handing anyone a switch that locks the owner out (docs/SECURITY.md,
 * "Sign-in, throttling and registration"). Each test uses its own addresses: the throttle lives as long as the
 * application.
 */
@SpringBootTest
class SignInThrottleTest {

    private static final String OWNER = "quantri";
    private static final String PASSWORD = ViewTestData.PASSWORD;

    @Autowired
    AuthenticationManager authentication;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    KnownDevices devices;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AccountService accounts;
    @Autowired
    Clock clock;
    @Autowired
    vn.ntm.portal.cluster.SharedCounters counters;

    @BeforeEach
    void world() {
        ViewTestData.load(jdbc, unitImport, units, accounts);
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void fiveWrongGuessesAtTheAdministratorFromOneAddressDoNotLockTheAdministratorOutElsewhere() {
        String attacker = address();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn(OWNER, "anything" + UUID.randomUUID(), attacker, null))
                    .isExactlyInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn(OWNER, PASSWORD, attacker, null)).isInstanceOf(LoginThrottledException.class);
        assertThat(signIn(OWNER, PASSWORD, address(), null).getName()).isEqualTo(OWNER);
    }

    @Test
    void aBrowserTheOwnerSignedInFromBeforeGetsInWhileAGuesserOnTheSameAddressIsLockedOut() {
        String office = address();
        Cookie known = new Cookie(KnownDevices.COOKIE, devices.cookieFor(OWNER, OWNER, clock.instant().getEpochSecond() + 3600));
        for (int i = 0; i < 25; i++) {
            assertThatThrownBy(() -> signIn(OWNER, "guess-" + UUID.randomUUID(), office, null)).isInstanceOf(
                    org.springframework.security.core.AuthenticationException.class);
        }

        assertThatThrownBy(() -> signIn(OWNER, PASSWORD, office, null)).isInstanceOf(LoginThrottledException.class);
        assertThat(signIn(OWNER, PASSWORD, office, known).getName()).isEqualTo(OWNER);
    }

    @Test
    void aForgedOrExpiredKnownDeviceCookieCountsForNothing() {
        String office = address();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn(OWNER, "guess-" + UUID.randomUUID(), office, null)).isInstanceOf(BadCredentialsException.class);
        }
        String genuine = devices.cookieFor(OWNER, OWNER, clock.instant().getEpochSecond() + 3600);
        Cookie forged = new Cookie(KnownDevices.COOKIE, genuine.substring(0, genuine.length() - 3) + "AAA");
        Cookie expired = new Cookie(KnownDevices.COOKIE, devices.cookieFor(OWNER, OWNER, clock.instant().getEpochSecond() - 1));
        Cookie otherLogin = new Cookie(KnownDevices.COOKIE, devices.cookieFor("gv.sonla", "gv.sonla", clock.instant().getEpochSecond() + 3600));

        for (Cookie cookie : new Cookie[] {forged, expired, otherLogin}) {
            assertThatThrownBy(() -> signIn(OWNER, PASSWORD, office, cookie)).isInstanceOf(LoginThrottledException.class);
        }
    }

    @Test
    void guessingSpreadOverManyAddressesIsStoppedForNewBrowsersButNotForTheOwnersBrowser() {
        // an account of its own: this login stays locked for new browsers as long as the application runs
        String target = "gv.target." + UUID.randomUUID().toString().substring(0, 8);
        vn.ntm.portal.TestData.signInAsAdmin();
        accounts.create(new vn.ntm.portal.account.NewAccount(target, "Người thử", null, null, Role.TRAINER,
                units.findByCode("14").orElseThrow().id(), null, null, PASSWORD));
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        for (int a = 0; a < 10; a++) {
            String guesser = address();
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> signIn(target, "guess-" + UUID.randomUUID(), guesser, null))
                        .isExactlyInstanceOf(BadCredentialsException.class);
            }
        }
        Cookie known = new Cookie(KnownDevices.COOKIE, devices.cookieFor(target, target, clock.instant().getEpochSecond() + 3600));

        assertThatThrownBy(() -> signIn(target, PASSWORD, address(), null)).isInstanceOf(LoginThrottledException.class);
        assertThat(signIn(target, PASSWORD, address(), known).getName()).isEqualTo(target);
    }

    @Test
    void writingAPhoneNumberDifferentlyBuysNoFreshGuesses() {
        String guesser = address();
        String[] forms = {"0912 345 678", "+84912345678", "84 912 345 678", "0912.345.678", "912345678"};
        for (String form : forms) {
            assertThatThrownBy(() -> signIn(form, "guess-" + UUID.randomUUID(), guesser, null)).isExactlyInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn("0912-345-678", "guess-x1", guesser, null)).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void overLongCredentialsAreRefusedBeforeHashingAndLeaveNothingInMemory() {
        long before = throttle.size();
        String megabyte = "a".repeat(1_000_000);
        long started = System.nanoTime();
        for (int i = 0; i < 150; i++) {
            String login = i + megabyte;
            assertThatThrownBy(() -> signIn(login, "Matkhau2026", address(), null)).isExactlyInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn(OWNER, "x".repeat(1_000_000), address(), null)).isExactlyInstanceOf(BadCredentialsException.class);

        assertThat(throttle.size()).isEqualTo(before);
        // no password hashing: 151 refusals take far less than one bcrypt check each (~100 ms)
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void madeUpLoginNamesCostOneSmallRowEachAndArePurgedOnceNoWindowNeedsThem() {
        for (int i = 0; i < 200; i++) {
            throttle.recordFailure("flood-" + i + "-" + "n".repeat(10_000), "198.18.0." + (i % 250), false);
        }

        assertThat(jdbc.queryForObject("select max(length(counter_key)) from throttle_counter", Integer.class)).isEqualTo(64);
        assertThat(counters.purgeOlderThan(clock.instant().plusSeconds(1))).isGreaterThanOrEqualTo(200 * 2);
        assertThat(throttle.size()).isZero();
    }

    private Authentication signIn(String login, String password, String address, Cookie cookie) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/reports/summary");
        request.setRemoteAddr(address);
        if (cookie != null) {
            request.setCookies(cookie);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
        try {
            UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
            token.setDetails(new WebAuthenticationDetails(request));
            return authentication.authenticate(token);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private static int next = 1;

    /** A fresh client address (documentation range), so tests do not share throttle entries. */
    private static synchronized String address() {
        next++;
        return "203.0." + (113 + next / 250 % 100) + "." + (next % 250 + 1) + "";
    }
}
