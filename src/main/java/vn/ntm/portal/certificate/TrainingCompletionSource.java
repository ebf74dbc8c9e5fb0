package vn.ntm.portal.certificate;

import org.springframework.stereotype.Component;
import vn.ntm.portal.training.ClassCompletions;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassSummary;

import java.util.List;

/** Reads classes and completions from training's public services (which check the caller's scope). */
@Component
class TrainingCompletionSource implements CompletionSource {

    private final ClassService classes;
    private final ClassCompletions completions;

    TrainingCompletionSource(ClassService classes, ClassCompletions completions) {
        this.classes = classes;
        this.completions = completions;
    }

    @Override
    public ClassRecord classOf(long classId) {
        ClassSummary c = classes.get(classId);
        return new ClassRecord(c.id(), c.code(), c.title(), c.programme(), c.startDate(), c.endDate(), c.unitId(), c.unitPath());
    }

    @Override
    public List<Completer> participantsOf(long classId) {
        return completions.participants(classId).stream()
                .map(p -> new Completer(p.personId(), p.fullName(), p.birthYear(), p.communeName(), p.sessionsAttended(),
                        p.sessions(), p.completed()))
                .toList();
    }
}
