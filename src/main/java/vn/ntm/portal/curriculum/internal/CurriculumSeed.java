package vn.ntm.portal.curriculum.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.curriculum.CurriculumService;
import vn.ntm.portal.curriculum.ProgrammeFile;
import vn.ntm.portal.curriculum.ProgrammeSummary;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads the seeded curricula (resource files under {@code curriculum/seed/}: one JSON file per programme, lesson
 * texts in Markdown files beside them) with the demo data, or on a production start with
 * {@code portal.curriculum.seed=true}. A programme whose code already exists is left alone, so it runs safely on
 * every start.
 */
@Component
@Order(0)
class CurriculumSeed implements ApplicationRunner {

    static final String LOCATION = "curriculum/seed/";
    private static final Logger log = LoggerFactory.getLogger(CurriculumSeed.class);

    private final CurriculumService curriculum;
    private final CatalogService catalog;
    private final Environment environment;

    CurriculumSeed(CurriculumService curriculum, CatalogService catalog, Environment environment) {
        this.curriculum = curriculum;
        this.catalog = catalog;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.matchesProfiles("demo") || environment.getProperty("portal.curriculum.seed", Boolean.class, false)) {
            asSystem(this::load);
        }
    }

    /** Loads every seed programme not yet present; returns how many were created. */
    int load() {
        Set<String> present = catalog.programmes().stream().map(ProgrammeSummary::code).collect(Collectors.toSet());
        int created = 0;
        for (Resource resource : seedFiles()) {
            ProgrammeFile file = CurriculumService.parse(read(resource));
            if (present.contains(file.code())) {
                continue;
            }
            curriculum.importProgramme(withContentFiles(file));
            created++;
        }
        if (created > 0) {
            log.info("Seeded {} curricula", created);
        }
        return created;
    }

    private static List<Resource> seedFiles() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "*.json");
            return Arrays.stream(found).sorted(Comparator.comparing(r -> String.valueOf(r.getFilename()))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces each lesson's contentFile by the text of that file. */
    private static ProgrammeFile withContentFiles(ProgrammeFile f) {
        return new ProgrammeFile(f.code(), f.title(), f.decisionNumber(), f.decisionDate(), f.periodFrom(), f.periodTo(),
                f.status(), f.description(), f.lessonFormat(), f.groups().stream().map(g -> new ProgrammeFile.GroupFile(g.number(), g.title(),
                g.topics().stream().map(t -> new ProgrammeFile.TopicFile(t.number(), t.title(), t.description(), t.illustrative(),
                        t.modules() == null ? null : t.modules().stream().map(m -> new ProgrammeFile.ModuleFile(m.title(), m.summary(),
                                m.levels(), m.status(), m.lessons().stream().map(l -> l.contentFile() == null ? l
                                : new ProgrammeFile.LessonFile(l.kind(), l.title(), l.required(),
                                new String(read(new ClassPathResource(LOCATION + l.contentFile())), StandardCharsets.UTF_8), null,
                                l.passMark(), l.attemptLimit(), l.shuffle(), l.feedbackMode(), l.questions())).toList())).toList()))
                        .toList())).toList());
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void asSystem(Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        PortalUser loader = new PortalUser(0, "curriculum-seed", "Seed", Role.ADMIN, null, null, true, null);
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null, loader.getAuthorities()));
        SecurityContextHolder.setContext(system);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
