package vn.ntm.portal.certificate;

import org.springframework.stereotype.Component;
import vn.ntm.portal.training.ClassCompletions;
import vn.ntm.portal.training.ClassService;
import vn.ntm.portal.training.ClassSummary;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;

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
        return record(classes.get(classId));
    }

    @Override
    public List<Completer> participantsOf(long classId) {
        return completions.participants(classId).stream().map(TrainingCompletionSource::completer).toList();
    }

    @Override
    public Optional<ClassRecord> classForListener(long classId) {
        return completions.classForListener(classId).map(TrainingCompletionSource::record);
    }

    @Override
    public List<Completer> participantsForListener(long classId, @Nullable List<Long> personIds) {
        return completions.participantsForListener(classId, personIds).stream().map(TrainingCompletionSource::completer).toList();
    }

    private static ClassRecord record(ClassSummary c) {
        return new ClassRecord(c.id(), c.code(), c.title(), c.programme(), c.startDate(), c.endDate(), c.unitId(), c.unitPath());
    }

    private static Completer completer(ClassCompletions.Participant p) {
        return new Completer(p.personId(), p.fullName(), p.birthYear(), p.communeName(), p.sessionsAttended(), p.sessions(), p.completed());
    }
}
