package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.portal.curriculum.domain.LearningModule;
import vn.ntm.portal.curriculum.domain.Lesson;
import vn.ntm.portal.curriculum.domain.LessonRepository;
import vn.ntm.portal.curriculum.domain.ModuleEditions;
import vn.ntm.portal.curriculum.domain.QuestionRepository;

import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Keeps the content of every published edition of a module (see ModuleEditions): the current edition's row is
 * rewritten as long as it is current, and the row of an edition that a change replaced is never touched again.
 */
@Component
class EditionKeeper {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ModuleEditions editions;
    private final LessonRepository lessons;
    private final QuestionRepository questions;
    private final Clock clock;
    private final CurrentUser currentUser;

    EditionKeeper(ModuleEditions editions, LessonRepository lessons, QuestionRepository questions, Clock clock, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.editions = editions;
        this.lessons = lessons;
        this.questions = questions;
        this.clock = clock;
    }

    /** Before a published module changes: its edition is kept as it is now, if it was not yet (modules older than this). */
    void keepBeforeChange(LearningModule module) {
        if (module.getStatus() == ModuleStatus.PUBLISHED && editions.find(module.getId(), module.getContentVersion()).isEmpty()) {
            record(module, null);
        }
    }

    /** After a change (or on publishing): the current edition of a published module, as it is now. */
    void recordIfPublished(LearningModule module) {
        if (module.getStatus() == ModuleStatus.PUBLISHED) {
            record(module, currentUser.get().orElse(null));
        }
    }

    /** Whether the module, about to be published again, differs from the edition it last had. */
    boolean changedSinceLastEdition(LearningModule module) {
        return editions.find(module.getId(), module.getContentVersion()).map(row -> !row.json().equals(json(module))).orElse(false);
    }

    boolean keepsFile(LearningModule module, String fileKey) {
        return editions.mentionsFile(module.getId(), fileKey);
    }

    List<ModuleEdition.Entry> list(LearningModule module) {
        return editions.list(module.getId()).stream().map(r -> new ModuleEdition.Entry(r.version(), r.recordedAt(), r.title(), r.publishedBy())).toList();
    }

    /** An edition for reading; the current edition of a module without a row is read from the module itself. */
    Optional<ModuleEdition> read(LearningModule module, int version) {
        boolean current = version == module.getContentVersion();
        Optional<ModuleEditions.Row> row = editions.find(module.getId(), version);
        if (row.isEmpty()) {
            return current ? Optional.of(toEdition(module.getId(), version, clock.instant(), true, content(module))) : Optional.empty();
        }
        ModuleEditions.Content content = JSON.readValue(row.get().json(), ModuleEditions.Content.class);
        return Optional.of(toEdition(module.getId(), version, row.get().recordedAt(), current, content));
    }

    /** Writes the edition's row; publisher is whose publishing or change made it, null when not known. */
    private void record(LearningModule module, @Nullable PortalUser publisher) {
        editions.save(module.getId(), module.getContentVersion(), clock.instant(), module.getTitle(), json(module),
                publisher == null ? null : publisher.accountId(),
                publisher == null ? null : publisher.getUsername() + " (" + publisher.fullName() + ")");
    }

    private String json(LearningModule module) {
        return JSON.writeValueAsString(content(module));
    }

    private ModuleEditions.Content content(LearningModule module) {
        List<ModuleEditions.LessonAsItWas> list = lessons.findByModuleIdOrderByPositionAscIdAsc(module.getId()).stream()
                .map(this::asItIs).toList();
        return new ModuleEditions.Content(module.getTitle(), module.getSummary(), list);
    }

    private ModuleEditions.LessonAsItWas asItIs(Lesson l) {
        boolean quiz = l.getKind() == LessonKind.QUIZ;
        List<LessonDraft.QuestionDraft> qs = !quiz ? List.of() : questions.findByLessonIdOrderByPositionAscIdAsc(l.getId()).stream()
                .map(q -> new LessonDraft.QuestionDraft(q.getKind(), q.getText(), q.getExplanation(),
                        q.getOptions().stream().map(o -> new LessonDraft.OptionDraft(o.getText(), o.isCorrect())).toList()))
                .toList();
        return new ModuleEditions.LessonAsItWas(l.getId(), l.getPosition(), l.getKind(), l.getTitle(), l.isRequired(),
                l.getContent(), quiz ? l.getPassMark() : null, quiz ? l.getAttemptLimit() : null, l.isShuffle(),
                quiz ? l.getFeedbackMode() : null, l.getFileKey(), l.getFileName(), l.getFileType(), l.getFileSize(), qs);
    }

    /** Readers see the questions and options, never which options were right. */
    private static ModuleEdition toEdition(long moduleId, int version, java.time.Instant at, boolean current,
                                           ModuleEditions.Content content) {
        List<ModuleEdition.Lesson> list = IntStream.range(0, content.lessons().size()).mapToObj(i -> {
            ModuleEditions.LessonAsItWas l = content.lessons().get(i);
            List<QuizQuestion> qs = IntStream.range(0, l.questions().size()).mapToObj(n -> {
                LessonDraft.QuestionDraft q = l.questions().get(n);
                return new QuizQuestion(n + 1, q.kind(), q.text(), IntStream.range(0, q.options().size())
                        .mapToObj(o -> new QuizChoice(o, q.options().get(o).text())).toList());
            }).toList();
            return new ModuleEdition.Lesson(i + 1, l.kind(), l.title(), l.required(), l.content(), l.fileName(), qs);
        }).toList();
        return new ModuleEdition(moduleId, version, at, current, content.title(), content.summary(), list);
    }
}
