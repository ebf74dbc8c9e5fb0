package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.domain.LearningModule;
import vn.ntm.portal.curriculum.domain.ModuleRepository;
import vn.ntm.portal.curriculum.domain.Programme;

import java.util.Optional;

/**
 * Curriculum's read API for the certificates of online modules: a module's title and whose programme it is, so that
 * no other module reads curriculum's tables. {@link #find} takes no signed-in user (a listener issuing on completion);
 * {@link #authored} refuses anyone who may not write the module (its programme's authors set its certificate).
 */
@Service
public class ModuleFeed {

    /** A module as its certificate needs it; {@code ownerUnitId} null for a national programme. */
    public record ModuleFacts(long id, String title, long programmeId, String programmeTitle, @Nullable Long ownerUnitId) {
    }

    private final ModuleRepository modules;
    private final Authorship authorship;

    ModuleFeed(ModuleRepository modules, Authorship authorship) {
        this.modules = modules;
        this.authorship = authorship;
    }

    @Transactional(readOnly = true)
    public Optional<ModuleFacts> find(long moduleId) {
        return modules.findById(moduleId).map(m -> facts(m, authorship.programme(m.getProgrammeId())));
    }

    @PreAuthorize(CurriculumService.AUTHORS)
    @Transactional(readOnly = true)
    public ModuleFacts authored(long moduleId) {
        LearningModule m = modules.findById(moduleId).orElseThrow(() -> new ValidationException("curriculum.error.moduleNotFound"));
        return facts(m, authorship.requireAuthor(m.getProgrammeId()));
    }

    private static ModuleFacts facts(LearningModule m, Programme p) {
        return new ModuleFacts(m.getId(), m.getTitle(), p.getId(), p.getTitle(), p.getOwnerUnitId());
    }
}
