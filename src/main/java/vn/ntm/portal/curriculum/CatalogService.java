package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.domain.LearningModule;
import vn.ntm.portal.curriculum.domain.Lesson;
import vn.ntm.portal.curriculum.domain.LessonRepository;
import vn.ntm.portal.curriculum.domain.ModuleRepository;
import vn.ntm.portal.curriculum.domain.Programme;
import vn.ntm.portal.curriculum.domain.ProgrammeRepository;
import vn.ntm.portal.curriculum.domain.Question;
import vn.ntm.portal.curriculum.domain.QuestionRepository;
import vn.ntm.portal.curriculum.domain.QuizOption;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.security.Role;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * What learners read: the catalog of published modules, a module's lessons, a lesson's content (quizzes without
 * their answers) and the grading of quiz answers. Drafts are visible to their authors (administrators and
 * trainers) only, and a module restricted to units to the people of those units: anyone else asking for one by its
 * number is told why they cannot open it, whatever screen the request comes from.
 */
@Service
@Transactional(readOnly = true, noRollbackFor = ValidationException.class)
public class CatalogService {

    private final ProgrammeRepository programmes;
    private final ModuleRepository modules;
    private final LessonRepository lessons;
    private final QuestionRepository questions;
    private final ModuleSummaries summaries;
    private final CurrentUser currentUser;
    private final FileStorage files;
    private final EditionKeeper editions;
    private final UnitDirectory units;

    CatalogService(ProgrammeRepository programmes, ModuleRepository modules, LessonRepository lessons,
                   QuestionRepository questions, ModuleSummaries summaries, CurrentUser currentUser, FileStorage files,
                   EditionKeeper editions, UnitDirectory units) {
        this.units = units;
        this.files = files;
        this.editions = editions;
        this.programmes = programmes;
        this.modules = modules;
        this.lessons = lessons;
        this.questions = questions;
        this.summaries = summaries;
        this.currentUser = currentUser;
    }

    @PreAuthorize("isAuthenticated()")
    public List<ProgrammeSummary> programmes() {
        return programmes.findAllByOrderByPeriodFromDescCodeAsc().stream().map(Programme::toSummary).toList();
    }

    /** Published modules; the text is matched without diacritics or case ("chuyen doi so" finds "Chuyển đổi số"). */
    @PreAuthorize("isAuthenticated()")
    public List<ModuleSummary> search(@Nullable Long programmeId, @Nullable TraineeLevel level, String text, int offset, int limit) {
        int size = Math.max(limit, 1);
        PortalUser user = currentUser.require();
        return summaries.of(modules.search(ModuleStatus.PUBLISHED.name(), programmeId, null, level == null ? null : level.name(),
                SearchText.likeFragment(text), seesEverything(user), user.unitPath(), user.role() == Role.COORDINATOR,
                PageRequest.of(offset / size, size)));
    }

    @PreAuthorize("isAuthenticated()")
    public long count(@Nullable Long programmeId, @Nullable TraineeLevel level, String text) {
        PortalUser user = currentUser.require();
        return modules.countSearch(ModuleStatus.PUBLISHED.name(), programmeId, null, level == null ? null : level.name(),
                SearchText.likeFragment(text), seesEverything(user), user.unitPath(), user.role() == Role.COORDINATOR);
    }

    @PreAuthorize("isAuthenticated()")
    public ModuleSummary module(long moduleId) {
        return summaries.of(visibleModule(moduleId));
    }

    @PreAuthorize("isAuthenticated()")
    public List<LessonSummary> lessons(long moduleId) {
        visibleModule(moduleId);
        return lessons.findByModuleIdOrderByPositionAscIdAsc(moduleId).stream().map(Lesson::toSummary).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public LessonContent lesson(long lessonId) {
        Lesson lesson = lessons.findLive(lessonId).orElseThrow(() -> new ValidationException("curriculum.error.lessonNotFound"));
        visibleModule(lesson.getModuleId());
        List<QuizQuestion> quiz = lesson.getKind() != LessonKind.QUIZ ? List.of()
                : questions.findByLessonIdOrderByPositionAscIdAsc(lessonId).stream().map(CatalogService::withoutAnswers).toList();
        return new LessonContent(lesson.getId(), lesson.getModuleId(), lesson.getPosition(), lesson.getKind(), lesson.getTitle(),
                lesson.isRequired(), lesson.getContent(), lesson.getPassMark(), lesson.getAttemptLimit(), lesson.isShuffle(),
                lesson.getFeedbackMode(), quiz, lesson.getFileName(), lesson.getFileType(), lesson.getFileSize());
    }

    /** The kept editions of a module the reader may see, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<ModuleEdition.Entry> editions(long moduleId) {
        return editions.list(visibleModule(moduleId));
    }

    /**
     * A module as it was in one edition (its text, files by name, quiz questions without answers): what a trainee
     * completed, even after the module changed.
     */
    @PreAuthorize("isAuthenticated()")
    public ModuleEdition edition(long moduleId, int version) {
        return editions.read(visibleModule(moduleId), version)
                .orElseThrow(() -> new ValidationException("curriculum.error.editionNotFound", version));
    }

    /**
     * How long the video of a lesson runs, as read from its file on the server. A file uploaded before the running
     * time was stored is read once and remembered for as long as it is the lesson's file.
     */
    @PreAuthorize("isAuthenticated()")
    public java.util.OptionalDouble videoDurationSeconds(long lessonId) {
        Lesson lesson = lessons.findLive(lessonId).orElseThrow(() -> new ValidationException("curriculum.error.lessonNotFound"));
        visibleModule(lesson.getModuleId());
        if (lesson.getKind() != LessonKind.VIDEO || lesson.getFileKey() == null) {
            return java.util.OptionalDouble.empty();
        }
        if (lesson.getMediaDurationMs() != null) {
            return java.util.OptionalDouble.of(lesson.getMediaDurationMs() / 1000.0);
        }
        String key = lesson.getFileKey();
        Double read = olderFileDurations.computeIfAbsent(key, k -> {
            try {
                byte[] content = java.nio.file.Files.readAllBytes(files.path(k));
                LessonFileType type = LessonFileType.detect(content);
                return type == null ? -1.0 : MediaDuration.of(content, type).orElse(-1);
            } catch (java.io.IOException | RuntimeException unreadable) {
                return -1.0;
            }
        });
        return read > 0 ? java.util.OptionalDouble.of(read) : java.util.OptionalDouble.empty();
    }

    private final java.util.Map<String, Double> olderFileDurations = new java.util.concurrent.ConcurrentHashMap<>();

    /** The uploaded file of a video or document lesson the reader may see. */
    @PreAuthorize("isAuthenticated()")
    public LessonFile lessonFile(long lessonId) {
        Lesson lesson = lessons.findLive(lessonId).orElseThrow(() -> new ValidationException("curriculum.error.lessonNotFound"));
        visibleModule(lesson.getModuleId());
        if (lesson.getFileKey() == null || lesson.getFileType() == null) {
            throw new ValidationException("curriculum.error.lessonNotFound");
        }
        return new LessonFile(files.path(lesson.getFileKey()), files.resource(lesson.getFileKey()), lesson.getFileType(),
                lesson.getFileName() == null ? lesson.getFileKey() : lesson.getFileName(), lesson.getFileSize());
    }

    /**
     * Grades answers (question id → indexes of the chosen options) against the quiz of a lesson. A question counts as
     * right when exactly its correct options are chosen; an unanswered question is wrong.
     */
    @PreAuthorize("isAuthenticated()")
    public QuizResult grade(long lessonId, Map<Long, Set<Integer>> answers) {
        Lesson lesson = lessons.findLive(lessonId).orElseThrow(() -> new ValidationException("curriculum.error.lessonNotFound"));
        visibleModule(lesson.getModuleId());
        if (lesson.getKind() != LessonKind.QUIZ) {
            throw new ValidationException("curriculum.error.lessonNotFound");
        }
        List<Question> quiz = questions.findByLessonIdOrderByPositionAscIdAsc(lessonId);
        FeedbackMode mode = lesson.getFeedbackMode();
        List<QuizResult.QuestionFeedback> feedback = new ArrayList<>();
        int right = 0;
        for (Question question : quiz) {
            List<QuizOption> options = question.getOptions();
            Set<Integer> correct = new TreeSet<>(IntStream.range(0, options.size()).filter(i -> options.get(i).isCorrect()).boxed().toList());
            boolean ok = correct.equals(new TreeSet<>(answers.getOrDefault(question.getId(), Set.of())));
            if (ok) {
                right++;
            }
            boolean full = mode == FeedbackMode.FULL;
            feedback.add(new QuizResult.QuestionFeedback(question.getId(), ok, full ? List.copyOf(correct) : List.of(),
                    full ? question.getExplanation() : null));
        }
        int score = quiz.isEmpty() ? 0 : Math.round(100f * right / quiz.size());
        return new QuizResult(score, score >= lesson.getPassMark(), mode,
                mode == FeedbackMode.RESULT_ONLY ? List.of() : feedback);
    }

    /** The lessons that must be done to complete the module. */
    @PreAuthorize("isAuthenticated()")
    public List<Long> requiredLessonIds(long moduleId) {
        return lessons.findByModuleIdOrderByPositionAscIdAsc(moduleId).stream().filter(Lesson::isRequired).map(Lesson::getId).toList();
    }

    /**
     * Opens a module restricted to units to one more unit: a coordinator (or administrator) assigning it there. A
     * module open to everyone, or already open to that unit or one above it, is left as it is.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public void openToUnit(long moduleId, long unitId) {
        LearningModule module = visibleModule(moduleId);
        UnitSummary unit = units.findById(unitId).orElseThrow(() -> new ValidationException("learning.error.assignUnit"));
        currentUser.requireManages(unit.path());
        if (module.getAudience() == ModuleAudience.UNITS && !openTo(module, unit.path(), false)) {
            module.openTo(unitId);
        }
    }

    /**
     * The module if the signed-in person may read it, else a refusal that says why: a draft is for its authors, and a
     * module restricted to units is for the trainees of those units (and the units below), for the coordinators whose
     * scope meets them, for trainers and for administrators.
     */
    private LearningModule visibleModule(long moduleId) {
        LearningModule module = modules.findById(moduleId).orElseThrow(() -> new ValidationException("curriculum.error.moduleNotFound"));
        PortalUser user = currentUser.require();
        if (module.getStatus() != ModuleStatus.PUBLISHED && !isAuthor(user)) {
            throw new ValidationException("curriculum.error.moduleNotPublished");
        }
        if (module.getAudience() == ModuleAudience.UNITS && !seesEverything(user)
                && !openTo(module, user.unitPath(), user.role() == Role.COORDINATOR)) {
            throw new ValidationException("curriculum.error.moduleRestricted");
        }
        return module;
    }

    /** Whether a unit path lies within one of the module's units (or, with below, one of them lies within the path). */
    private boolean openTo(LearningModule module, @Nullable String path, boolean below) {
        if (path == null) {
            return false;
        }
        for (long unitId : module.getUnitIds()) {
            String unitPath = units.findById(unitId).map(UnitSummary::path).orElse(null);
            if (unitPath != null && (path.startsWith(unitPath) || (below && unitPath.startsWith(path)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean seesEverything(PortalUser user) {
        return isAuthor(user);
    }

    static boolean isAuthor(PortalUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.TRAINER;
    }

    private static QuizQuestion withoutAnswers(Question q) {
        List<QuizOption> options = q.getOptions();
        return new QuizQuestion(q.getId(), q.getKind(), q.getText(),
                IntStream.range(0, options.size()).mapToObj(i -> new QuizChoice(i, options.get(i).getText())).toList());
    }
}
