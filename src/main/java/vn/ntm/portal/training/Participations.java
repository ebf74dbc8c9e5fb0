package vn.ntm.portal.training;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.training.domain.ParticipationStore;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Who took part in a class and who completed it: the one owner of "completed". The class page reads it through
 * {@link #ofClass}, within the reader's scope. Other modules' read models (the reporting summaries, certificates)
 * read it through {@link #of} and {@link #ofClasses}, which take no signed-in user: they run in listeners and
 * background jobs, never behind a page, and return facts only (no names, no contact details).
 */
@Service
public class Participations {

    private final ParticipationStore store;
    private final ClassAccess access;

    Participations(ParticipationStore store, ClassAccess access) {
        this.store = store;
        this.access = access;
    }

    /** Everyone on the roster or marked present in a class the caller may read, with their completion and why. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public List<ParticipationView> ofClass(long classId) {
        access.readable(classId);
        return of(classId, null);
    }

    /**
     * The participations of one class, or only of these person records in it (null: everyone); a merged record's
     * participation is reported under the kept person. Joins the caller's transaction.
     */
    @Transactional(readOnly = true)
    public List<ParticipationView> of(long classId, @Nullable List<Long> personRecords) {
        return of(classId, personRecords, null);
    }

    /** Every participation of the classes with an id in [from, to], handed over one at a time (a rebuild's range). */
    @Transactional(readOnly = true)
    public void ofClasses(long fromClassId, long toClassId, Consumer<ParticipationView> sink) {
        Map<Long, ParticipationStore.ClassRule> rules = store.rulesBetween(fromClassId, toClassId);
        store.ofClassRange(fromClassId, toClassId, f -> {
            ParticipationStore.ClassRule rule = rules.get(f.classId());
            if (rule != null) {
                sink.accept(view(f, rule));
            }
        });
    }

    /** The classes in which any of these person records has a roster place. */
    @Transactional(readOnly = true)
    public List<Long> classesOnRosterOf(Collection<Long> personRecords) {
        return store.classesOnRosterOf(personRecords);
    }

    /** How many of a class would complete under this rule (the class's own when it is null). */
    long completions(long classId, @Nullable CompletionRule rule) {
        return of(classId, null, rule).stream().filter(ParticipationView::completed).count();
    }

    /** Whether someone with these facts would complete the class under its rule (for {@link CompletionWatch}). */
    boolean wouldComplete(long classId, int attended, int excusedNotAttended) {
        ParticipationStore.ClassRule rule = store.rules(List.of(classId)).get(classId);
        return rule != null && CompletionRule.decide(rule.share(), rule.excusedCounts(), rule.sessions(), attended, excusedNotAttended)
                == ParticipationView.Outcome.COMPLETED;
    }

    List<ParticipationView> of(long classId, @Nullable List<Long> personRecords, @Nullable CompletionRule proposed) {
        ParticipationStore.ClassRule rule = store.rules(List.of(classId)).get(classId);
        if (rule == null) {
            return List.of();
        }
        ParticipationStore.ClassRule applied = proposed == null ? rule
                : new ParticipationStore.ClassRule(classId, rule.sessions(), proposed.share(), proposed.excusedCounts());
        return store.ofClass(classId, personRecords).stream().map(f -> view(f, applied)).toList();
    }

    private static ParticipationView view(ParticipationStore.Facts f, ParticipationStore.ClassRule rule) {
        ParticipationView.Outcome why = CompletionRule.decide(rule.share(), rule.excusedCounts(), rule.sessions(), f.attended(),
                f.excusedNotAttended());
        return new ParticipationView(f.personId(), f.classId(), f.enrolled(), rule.sessions(), f.attended(), f.excusedNotAttended(),
                why == ParticipationView.Outcome.COMPLETED, why, f.traineeLevel());
    }
}
