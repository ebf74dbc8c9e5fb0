package vn.ntm.portal.training;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.training.domain.TrainingClass;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A class's completion rule: read, previewed (how many completions a new rule would change) and changed. The change
 * recomputes nothing stored in training (completion is always derived from the marks); it is audited and published
 * as {@link ClassChanged}, so the reports take the new completions up, and as one {@link CompletionChanged} per person
 * whose verdict it turned.
 */
@Service
public class CompletionRules {

    private final ClassAccess access;
    private final Participations participations;
    private final TrainingAudit audit;
    private final ApplicationEventPublisher events;

    CompletionRules(ClassAccess access, Participations participations, TrainingAudit audit, ApplicationEventPublisher events) {
        this.access = access;
        this.participations = participations;
        this.audit = audit;
        this.events = events;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public CompletionRule ruleOf(long classId) {
        return rule(access.readable(classId));
    }

    /** What the rule would change, without changing anything. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional(readOnly = true)
    public CompletionRuleChange preview(long classId, CompletionRule proposed) {
        return compare(classId, rule(access.attendanceTaker(classId)), proposed);
    }

    /** Changes the rule of a class (its trainers and those who manage it) and says what it changed. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')")
    @Transactional
    public CompletionRuleChange change(long classId, CompletionRule rule) {
        TrainingClass c = access.attendanceTaker(classId);
        CompletionRuleChange change = compare(classId, rule(c), rule);
        if (!change.before().equals(rule)) {
            Map<Long, Boolean> before = participations.of(classId, null, change.before()).stream()
                    .collect(Collectors.toMap(ParticipationView::personId, ParticipationView::completed));
            c.changeCompletionRule(rule.share(), rule.excusedCounts());
            java.time.Instant at = java.time.Instant.now();
            for (ParticipationView now : participations.of(classId, null, rule)) {
                if (now.completed() != before.getOrDefault(now.personId(), false)) {
                    events.publishEvent(new CompletionChanged(classId, now.personId(), now.completed(), now.attendedSessions(),
                            now.sessions(), at));
                }
            }
            audit.completionRuleChanged(c, change);
            events.publishEvent(new ClassChanged(classId));
        }
        return change;
    }

    private CompletionRuleChange compare(long classId, CompletionRule current, CompletionRule proposed) {
        Map<Long, ParticipationView> before = participations.of(classId, null, current).stream()
                .collect(Collectors.toMap(ParticipationView::personId, Function.identity()));
        List<ParticipationView> after = participations.of(classId, null, proposed);
        long gained = 0;
        long lost = 0;
        for (ParticipationView now : after) {
            boolean was = before.get(now.personId()).completed();
            if (now.completed() && !was) {
                gained++;
            } else if (!now.completed() && was) {
                lost++;
            }
        }
        long completedBefore = before.values().stream().filter(ParticipationView::completed).count();
        return new CompletionRuleChange(current, proposed, completedBefore, completedBefore + gained - lost, gained, lost);
    }

    private static CompletionRule rule(TrainingClass c) {
        return new CompletionRule(Math.clamp(c.getCompletionShare(), 1, 100), c.isCompletionCountsExcused());
    }
}
