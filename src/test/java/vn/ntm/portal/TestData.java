package vn.ntm.portal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;

/** Helpers shared by the integration tests: a clean database and a signed-in caller. */
public final class TestData {

    private TestData() {
    }

    /** Empties the tables that tests fill, so each test starts from a known state. */
    public static void reset(JdbcTemplate jdbc) {
        jdbc.update("delete from walk_in");
        jdbc.update("delete from attendance");
        jdbc.update("delete from roster_entry");
        jdbc.update("delete from class_session");
        jdbc.update("delete from class_trainer");
        jdbc.update("delete from training_class");
        jdbc.update("update person set merged_into = null");
        jdbc.update("delete from person");
        jdbc.update("delete from unit_successor");
        jdbc.update("delete from account");
        jdbc.update("delete from organisation");
        jdbc.update("update administrative_unit set parent_id = null");
        jdbc.update("delete from administrative_unit");
        SecurityContextHolder.clearContext();
    }

    public static PortalUser signInAs(Role role, Long unitId, String unitPath) {
        PortalUser user = new PortalUser(-1, "test-" + role.name().toLowerCase(), "Test " + role, role, unitId, unitPath, true, null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }

    public static PortalUser signInAsAdmin() {
        return signInAs(Role.ADMIN, null, null);
    }
}
