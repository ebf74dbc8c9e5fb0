package vn.ntm.portal.training;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.training.domain.ClassFactsStore;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Training's read API for other modules' read models (the reporting summaries): classes as {@link ClassFacts}, so
 * that no other module reads training's tables. Used by listeners and background work without a signed-in user;
 * facts only, never names of persons. Joins the caller's transaction.
 */
@Service
public class ClassFeed {

    private final ClassFactsStore store;

    ClassFeed(ClassFactsStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public Optional<ClassFacts> find(long classId) {
        return store.find(classId);
    }

    /** Every class not cancelled, held or planned, in id order. */
    @Transactional(readOnly = true)
    public void notCancelled(Consumer<ClassFacts> sink) {
        store.notCancelled(sink);
    }

    @Transactional(readOnly = true)
    public List<Long> idsBegunBy(LocalDate day) {
        return store.idsBegunBy(day);
    }

    @Transactional(readOnly = true)
    public boolean anyNotCancelled() {
        return store.anyNotCancelled();
    }

    /** The units that classes were recorded under. */
    @Transactional(readOnly = true)
    public List<Long> unitsWithClasses() {
        return store.unitsWithClasses();
    }
}
