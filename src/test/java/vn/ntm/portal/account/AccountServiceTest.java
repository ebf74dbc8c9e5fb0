package vn.ntm.portal.account;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.mock.web.MockHttpServletRequest;
import vn.ntm.portal.TestData;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.LoginThrottledException;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.ImportProgress;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitImportService;
import vn.ntm.portal.unit.UnitSummary;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class AccountServiceTest {

    private static final String UNITS = """
            code,name,kind,parent_code
            14,Sơn La,tỉnh,
            42,Hà Tĩnh,tỉnh,
            03688,Mường Chiên,xã,14
            18673,Cẩm Xuyên,xã,42
            """;
    private static final String PASSWORD = "Matkhau2026";

    /** A documentation address (RFC 5737): registrations from one client. */
    private static final String CLIENT = "192.0.2.10";

    @Autowired
    AccountService accounts;
    @Autowired
    UnitImportService unitImport;
    @Autowired
    UnitDirectory units;
    @Autowired
    AuthenticationManager authentication;
    @Autowired
    JdbcTemplate jdbc;

    UnitSummary sonLa;
    UnitSummary haTinh;
    UnitSummary muongChien;
    UnitSummary camXuyen;

    @BeforeEach
    void setUp() {
        TestData.reset(jdbc);
        TestData.signInAsAdmin();
        unitImport.importFile("units.csv", UNITS.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);
        sonLa = units.findByCode("14").orElseThrow();
        haTinh = units.findByCode("42").orElseThrow();
        muongChien = units.findByCode("03688").orElseThrow();
        camXuyen = units.findByCode("18673").orElseThrow();
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void traineeRegistersWithAPhoneAndSignsInWithItInAnyWrittenForm() {
        AccountSummary trainee = register(new Registration("  Cầm Văn  Thượng ", "+84 912 345 678", null,
                muongChien.id(), TraineeLevel.VILLAGE_OFFICIAL, PASSWORD));

        assertThat(trainee.username()).isEqualTo("0912345678");
        assertThat(trainee.fullName()).isEqualTo("Cầm Văn Thượng");
        assertThat(trainee.role()).isEqualTo(Role.TRAINEE);
        assertThat(signIn("0912 345 678", PASSWORD).getPrincipal()).isInstanceOf(PortalUser.class);
        assertThat(signIn("+84912345678", PASSWORD).getName()).isEqualTo("0912345678");
    }

    @Test
    void traineeRegisteredByEmailSignsInWithTheEmail() {
        register(new Registration("Lò Thị Hoa", null, "Hoa.Lo@Example.vn", muongChien.id(), TraineeLevel.RESIDENT, PASSWORD));

        PortalUser user = (PortalUser) signIn("hoa.lo@example.vn", PASSWORD).getPrincipal();
        assertThat(user.unitId()).isEqualTo(muongChien.id());
        assertThat(user.unitPath()).isEqualTo("/14/03688/");
    }

    @Test
    void registrationWithoutPhoneOrEmailIsRefusedAndStoresNothing() {
        assertThatThrownBy(() -> register(new Registration("Lò Thị Hoa", " ", "", muongChien.id(),
                TraineeLevel.RESIDENT, PASSWORD)))
                .isInstanceOf(ValidationException.class).hasMessage("account.error.phoneOrEmail");
        assertThatThrownBy(() -> register(new Registration("Lò Thị Hoa", "12345", null, muongChien.id(),
                TraineeLevel.RESIDENT, PASSWORD)))
                .isInstanceOf(ValidationException.class).hasMessage("account.error.phone");
        assertThatThrownBy(() -> register(new Registration("Lò Thị Hoa", "0912345678", null, sonLa.id(),
                TraineeLevel.RESIDENT, PASSWORD)))
                .isInstanceOf(ValidationException.class).hasMessage("account.error.commune");
        assertThatThrownBy(() -> register(new Registration("Lò Thị Hoa", "0912345678", null, muongChien.id(),
                TraineeLevel.RESIDENT, "short")))
                .isInstanceOf(ValidationException.class).hasMessage("account.error.passwordPolicy");
        assertThat(jdbc.queryForObject("select count(*) from account", Long.class)).isZero();
    }

    @Test
    void thePhoneOfAnExistingAccountCannotRegisterAgainAndTheAnswerDoesNotSayItWasTaken() {
        register(new Registration("Cầm Văn Thượng", "0912345678", null, muongChien.id(), TraineeLevel.RESIDENT, PASSWORD));

        // the same answer a new phone gets (no refusal naming the account), and nothing stored
        assertThat(accounts.register(new Registration("Someone Else", "091 234 5678", null, muongChien.id(),
                TraineeLevel.RESIDENT, "Khac2026xyz"), CLIENT)).isEmpty();
        assertThat(accounts.register(new Registration("Someone Else", null, "new.person@example.vn", muongChien.id(),
                TraineeLevel.RESIDENT, "Khac2026xyz"), CLIENT)).isPresent();
        assertThat(jdbc.queryForObject("select count(*) from account", Long.class)).isEqualTo(2);
        assertThat(signIn("0912345678", PASSWORD).getName()).isEqualTo("0912345678");
        assertThatThrownBy(() -> signIn("0912345678", "Khac2026xyz")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void coordinatorOfSonLaCannotSeeOrManageHaTinhAccounts() {
        TestData.signInAsAdmin();
        AccountSummary sonLaTrainer = create("gv.sonla", Role.TRAINER, sonLa);
        AccountSummary haTinhTrainee = create("hv.hatinh", Role.TRAINEE, camXuyen);
        TestData.signInAs(Role.COORDINATOR, sonLa.id(), sonLa.path());

        assertThat(accounts.list("", 0, 50)).extracting(AccountSummary::username).containsExactly("gv.sonla");
        assertThat(accounts.count("")).isEqualTo(1);
        assertThat(accounts.countByRole()).containsEntry(Role.TRAINER, 1L).containsEntry(Role.TRAINEE, 0L);
        assertThatThrownBy(() -> accounts.setEnabled(haTinhTrainee.id(), false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> create("gv.hatinh", Role.TRAINER, haTinh)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.assignUnit(sonLaTrainer.id(), haTinh.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select enabled from account where username = 'hv.hatinh'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select unit_id from account where username = 'gv.sonla'", Long.class)).isEqualTo(sonLa.id());
    }

    @Test
    void coordinatorCannotCreateAnAdministrator() {
        TestData.signInAs(Role.COORDINATOR, sonLa.id(), sonLa.path());

        assertThatThrownBy(() -> create("boss", Role.ADMIN, sonLa)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from account", Long.class)).isZero();
    }

    @Test
    void traineeCannotListAccounts() {
        TestData.signInAs(Role.TRAINEE, muongChien.id(), muongChien.path());

        assertThatThrownBy(() -> accounts.list("", 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void disabledAccountCannotSignIn() {
        TestData.signInAsAdmin();
        AccountSummary trainer = create("gv.sonla", Role.TRAINER, sonLa);
        accounts.setEnabled(trainer.id(), false);
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> signIn("gv.sonla", PASSWORD)).isInstanceOf(DisabledException.class);
    }

    @Test
    void repeatedFailuresAreThrottledWhetherOrNotTheAccountExists() {
        TestData.signInAsAdmin();
        create("gv.throttled", Role.TRAINER, sonLa);
        String ghost = "nobody-" + UUID.randomUUID();

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn("gv.throttled", "wrong-password")).isExactlyInstanceOf(BadCredentialsException.class);
            assertThatThrownBy(() -> signIn(ghost, "wrong-password")).isExactlyInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn("gv.throttled", PASSWORD)).isInstanceOf(LoginThrottledException.class);
        assertThatThrownBy(() -> signIn(ghost, PASSWORD)).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        AccountSummary trainee = register(new Registration("Cầm Văn Thượng", "0987654321", null, muongChien.id(),
                TraineeLevel.RESIDENT, PASSWORD));
        SecurityContextHolder.getContext().setAuthentication(signIn("0987654321", PASSWORD));

        assertThatThrownBy(() -> accounts.changeOwnPassword("not-it-1", "Moi2026abc"))
                .isInstanceOf(ValidationException.class).hasMessage("account.error.currentPassword");
        assertThatThrownBy(() -> accounts.changeOwnPassword(PASSWORD, "abcdefgh"))
                .isInstanceOf(ValidationException.class).hasMessage("account.error.passwordPolicy");
        accounts.changeOwnPassword(PASSWORD, "Moi2026abc");

        assertThat(signIn("0987654321", "Moi2026abc").getName()).isEqualTo(trainee.username());
    }

    @Test
    void commonPasswordsAndPasswordsMadeOfTheOwnNamePhoneOrLoginAreRefusedWithAMessage() {
        for (String common : List.of("password1", "Password1!", "matkhau123", "123456789a", "Anhyeuem1", "abc12345", "1q2w3e4r")) {
            assertThatThrownBy(() -> register(new Registration("Cầm Văn Thượng", "0912345678", null, muongChien.id(),
                    TraineeLevel.RESIDENT, common))).as(common)
                    .isInstanceOf(ValidationException.class).hasMessage("account.error.passwordCommon");
        }
        for (String personal : List.of("Thuong0912345678", "CamVanThuong1", "thuongcam99", "Cầm Thượng 2")) {
            assertThatThrownBy(() -> register(new Registration("Cầm Văn Thượng", "0912345678", null, muongChien.id(),
                    TraineeLevel.RESIDENT, personal))).as(personal)
                    .isInstanceOf(ValidationException.class).hasMessage("account.error.passwordCommon");
        }
        TestData.signInAsAdmin();
        assertThatThrownBy(() -> accounts.create(new NewAccount("gv.hoang", "Hoàng Minh Tuấn", null, null, Role.TRAINER, sonLa.id(),
                null, null, "gv.hoang2026"))).isInstanceOf(ValidationException.class).hasMessage("account.error.passwordCommon");
        assertThat(jdbc.queryForObject("select count(*) from account", Long.class)).isZero();
        assertThat(register(new Registration("Cầm Văn Thượng", "0912345678", null, muongChien.id(), TraineeLevel.RESIDENT,
                "Ruong lua 2026")).username()).isEqualTo("0912345678");
    }

    @Test
    void oneClientAddressRegistersAtMostItsHourlyAllowance() {
        String office = "198.51.100.77";
        for (int i = 0; i < 20; i++) {
            assertThat(accounts.register(new Registration("Học viên " + i, null, "hv" + i + "@example.vn", muongChien.id(),
                    TraineeLevel.RESIDENT, PASSWORD), office)).isPresent();
        }

        assertThatThrownBy(() -> accounts.register(new Registration("Học viên 21", null, "hv21@example.vn", muongChien.id(),
                TraineeLevel.RESIDENT, PASSWORD), office))
                .isInstanceOf(ValidationException.class).hasMessage("account.error.registrationThrottled");
        assertThat(accounts.register(new Registration("Học viên 21", null, "hv21@example.vn", muongChien.id(),
                TraineeLevel.RESIDENT, PASSWORD), "198.51.100.78")).isPresent();
        assertThat(jdbc.queryForObject("select count(*) from account", Long.class)).isEqualTo(21);
    }

    private AccountSummary register(Registration form) {
        return accounts.register(form, CLIENT).orElseThrow();
    }

    private AccountSummary create(String username, Role role, UnitSummary unit) {
        return accounts.create(new NewAccount(username, "Người " + username, null, null, role, unit.id(), null,
                role == Role.TRAINEE ? TraineeLevel.COMMUNE_OFFICIAL : null, PASSWORD));
    }

    private Authentication signIn(String login, String password) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0." + Math.abs(login.hashCode() % 200));
        token.setDetails(new WebAuthenticationDetails(request));
        return authentication.authenticate(token);
    }
}
