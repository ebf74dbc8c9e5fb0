package vn.ntm.portal.certificate;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.ntm.portal.learning.ModuleCompleted;
import vn.ntm.portal.training.ClassChanged;
import vn.ntm.portal.training.CompletionChanged;

import java.util.List;

/**
 * Automatic issue from training's events, after their change committed (Spring Modulith's persisted publication:
 * an event not handled is handed over again). A completion issues to that person; a change of the class (sessions,
 * rule, details) looks over the whole class; an online module completed issues that module's certificate. Handling an event twice issues nothing the second time.
 */
@Component
class CompletionListeners {

    private final AutomaticIssue automatic;

    CompletionListeners(AutomaticIssue automatic) {
        this.automatic = automatic;
    }

    @ApplicationModuleListener
    void on(CompletionChanged event) {
        if (event.completed()) {
            issue(event.classId(), List.of(event.personId()));
        }
    }

    @ApplicationModuleListener
    void on(ClassChanged event) {
        issue(event.classId(), null);
    }

    @ApplicationModuleListener
    void on(ModuleCompleted event) {
        try {
            automatic.issueForModule(event);
        } catch (DuplicateKeyException raced) {
            automatic.issueForModule(event);
        }
    }

    /** Issues now to everyone the template covers who completed earlier and holds none (each in its own transaction). */
    @ApplicationModuleListener
    void on(AutomaticIssueEnabled event) {
        for (ModuleCompleted done : automatic.completionsCoveredBy(event.templateId())) {
            on(done);
        }
        for (long classId : automatic.classesCoveredBy(event.templateId())) {
            issue(classId, null);
        }
    }

    /** A concurrent handler issued to the same person first (the one-in-force key refused ours): once more, which skips them. */
    private void issue(long classId, @Nullable List<Long> personIds) {
        try {
            automatic.issueDue(classId, personIds);
        } catch (DuplicateKeyException raced) {
            automatic.issueDue(classId, personIds);
        }
    }
}
