package vn.ntm.portal.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.curriculum.ProgrammeAuthorService;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;

/**
 * The demo trainer {@code giangvien} teaches the digital-transformation class, so the administrator names them an
 * author of that programme (Chuyển đổi số, 924/QĐ-TTg) and of no other: the demo shows a trainer who writes the
 * modules of one programme and cannot touch the rest of the national curriculum. Runs after the curricula are
 * seeded; naming an author twice changes nothing.
 */
@Component
@Profile("demo")
@Order(10)
class DemoAuthors implements ApplicationRunner {

    static final String PROGRAMME = "CDS-924-2022";
    static final String TRAINER = "giangvien";

    private final CatalogService catalog;
    private final ProgrammeAuthorService authors;

    DemoAuthors(CatalogService catalog, ProgrammeAuthorService authors) {
        this.catalog = catalog;
        this.authors = authors;
    }

    @Override
    public void run(ApplicationArguments args) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        PortalUser loader = new PortalUser(0, "demo-loader", "Demo", Role.ADMIN, null, null, true, null);
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null, loader.getAuthorities()));
        SecurityContextHolder.setContext(system);
        try {
            catalog.programmes().stream().filter(p -> p.code().equals(PROGRAMME)).findFirst().ifPresent(p -> {
                try {
                    authors.grant(p.id(), TRAINER);
                } catch (ValidationException noSuchTrainer) {
                    // a database whose demo accounts were changed: nothing to name
                }
            });
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
