package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.audit.AuditAction;
import vn.ntm.portal.audit.AuditSubject;
import vn.ntm.portal.audit.AuditTrail;
import vn.ntm.portal.audit.AuditedChange;
import vn.ntm.portal.curriculum.domain.LearningModule;
import vn.ntm.portal.curriculum.domain.Lesson;
import vn.ntm.portal.curriculum.domain.Programme;
import vn.ntm.portal.curriculum.domain.Topic;
import vn.ntm.portal.curriculum.domain.TopicGroup;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every change to the curriculum goes into the audit trail, in the transaction of the change, under the programme's
 * owner unit (a national programme's entries are read by administrators only).
 */
@Component
class CurriculumAudit {

    private final AuditTrail trail;
    private final Authorship authorship;

    CurriculumAudit(AuditTrail trail, Authorship authorship) {
        this.trail = trail;
        this.authorship = authorship;
    }

    /** A module's fields an author changes, to tell what changed. */
    record ModuleState(String title, @Nullable String summary, long topicId, String levels, String audience) {
        static ModuleState of(LearningModule m) {
            return new ModuleState(m.getTitle(), m.getSummary(), m.getTopicId(), CurriculumAudit.levels(m.getLevels()),
                    m.getAudience() + (m.getUnitIds().isEmpty() ? "" : " " + new TreeSet<>(m.getUnitIds())));
        }
    }

    void programme(Programme programme, AuditAction action, @Nullable ProgrammeSummary before) {
        ProgrammeSummary p = programme.toSummary();
        trail.record(of(programme, AuditSubject.PROGRAMME, programme.getId(), p.code() + " — " + p.title(), action)
                .field("code", before == null ? null : before.code(), p.code())
                .field("title", before == null ? null : before.title(), p.title())
                .field("decisionNumber", before == null ? null : before.decisionNumber(), p.decisionNumber())
                .field("decisionDate", before == null ? null : before.decisionDate(), p.decisionDate())
                .field("period", before == null ? null : period(before), period(p))
                .field("status", before == null ? null : before.status(), p.status())
                .field("description", before == null ? null : before.description(), p.description())
                .field("ownerUnit", before == null ? null : before.ownerUnitId(), p.ownerUnitId()));
    }

    void author(Programme programme, AuditAction action, String author) {
        trail.record(of(programme, AuditSubject.PROGRAMME, programme.getId(), programme.getCode() + " — " + programme.getTitle(), action)
                .field("author", action == AuditAction.REMOVED ? author : null, action == AuditAction.REMOVED ? null : author));
    }

    void group(Programme programme, TopicGroup group) {
        trail.record(of(programme, AuditSubject.TOPIC_GROUP, group.getId(), programme.getCode() + " › " + group.getNumber(),
                AuditAction.CREATED).field("number", null, group.getNumber()).field("title", null, group.getTitle()));
    }

    void topic(Programme programme, Topic topic) {
        trail.record(of(programme, AuditSubject.TOPIC, topic.getId(), programme.getCode() + " › " + topic.getNumber() + ". " + topic.getTitle(),
                AuditAction.CREATED).field("number", null, topic.getNumber()).field("title", null, topic.getTitle())
                .field("description", null, topic.getDescription()).field("illustrative", null, topic.isIllustrative()));
    }

    void moduleCreated(Programme programme, LearningModule module, Topic topic) {
        ModuleState s = ModuleState.of(module);
        trail.record(of(programme, AuditSubject.MODULE, module.getId(), module.getTitle(), AuditAction.CREATED)
                .field("title", null, s.title()).field("summary", null, s.summary()).field("topic", null, topic.getNumber())
                .field("levels", null, s.levels()).field("audience", null, s.audience()));
    }

    void moduleUpdated(Programme programme, LearningModule module, ModuleState before) {
        ModuleState s = ModuleState.of(module);
        trail.record(of(programme, AuditSubject.MODULE, module.getId(), module.getTitle(), AuditAction.UPDATED)
                .field("title", before.title(), s.title()).field("summary", before.summary(), s.summary())
                .field("topicId", before.topicId(), s.topicId()).field("levels", before.levels(), s.levels())
                .field("audience", before.audience(), s.audience()));
    }

    /** Published (with the edition it became) or withdrawn. */
    void module(LearningModule module, AuditAction action) {
        trail.record(of(authorship.programme(module.getProgrammeId()), AuditSubject.MODULE, module.getId(), module.getTitle(), action)
                .field("status", action == AuditAction.PUBLISHED ? null : ModuleStatus.PUBLISHED, module.getStatus())
                .field("version", null, module.getContentVersion()));
    }

    void lesson(LearningModule module, Lesson lesson, AuditAction action, String field, @Nullable Object before, @Nullable Object after) {
        trail.record(of(authorship.programme(module.getProgrammeId()), AuditSubject.LESSON, lesson.getId(), label(module, lesson), action)
                .field(field, before, after));
    }

    /** A lesson written or changed, and each quiz question that was added, changed or removed with it. */
    void lessonSaved(LearningModule module, Lesson lesson, @Nullable LessonDraft before, LessonDraft after) {
        Programme programme = authorship.programme(module.getProgrammeId());
        String label = label(module, lesson);
        trail.record(of(programme, AuditSubject.LESSON, lesson.getId(), label, before == null ? AuditAction.CREATED : AuditAction.UPDATED)
                .field("kind", before == null ? null : before.kind(), after.kind())
                .field("title", before == null ? null : before.title(), after.title())
                .field("required", before == null ? null : before.required(), after.required())
                .field("content", before == null ? null : before.content(), after.content())
                .field("passMark", before == null ? null : before.passMark(), after.passMark())
                .field("attemptLimit", before == null ? null : before.attemptLimit(), after.attemptLimit())
                .field("feedbackMode", before == null ? null : before.feedbackMode(), after.feedbackMode()));
        List<LessonDraft.QuestionDraft> old = before == null ? List.of() : before.questions();
        List<LessonDraft.QuestionDraft> now = after.questions();
        for (int i = 0; i < Math.max(old.size(), now.size()); i++) {
            LessonDraft.QuestionDraft o = i < old.size() ? old.get(i) : null;
            LessonDraft.QuestionDraft n = i < now.size() ? now.get(i) : null;
            if (o != null && o.equals(n)) {
                continue;
            }
            AuditAction action = o == null ? AuditAction.ADDED : n == null ? AuditAction.REMOVED : AuditAction.UPDATED;
            trail.record(of(programme, AuditSubject.QUESTION, lesson.getId(), label + " › " + (i + 1), action)
                    .field("text", o == null ? null : o.text(), n == null ? null : n.text())
                    .field("options", o == null ? null : options(o), n == null ? null : options(n))
                    .field("explanation", o == null ? null : o.explanation(), n == null ? null : n.explanation()));
        }
    }

    private AuditedChange of(Programme programme, AuditSubject subject, long id, String label, AuditAction action) {
        return AuditedChange.of(subject, id, label, authorship.ownerPath(programme), action);
    }

    private static String label(LearningModule module, Lesson lesson) {
        return module.getTitle() + " › " + lesson.getTitle();
    }

    /** The options with the right ones marked, e.g. "A; [B]; C". */
    private static String options(LessonDraft.QuestionDraft q) {
        return q.options().stream().map(o -> o.correct() ? "[" + o.text() + "]" : o.text()).collect(Collectors.joining("; "));
    }

    private static String levels(Set<TraineeLevel> levels) {
        return levels.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }

    private static @Nullable String period(ProgrammeSummary p) {
        return p.periodFrom() == null && p.periodTo() == null ? null : p.periodFrom() + "-" + p.periodTo();
    }
}
