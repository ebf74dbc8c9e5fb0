package vn.ntm.portal.learning;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.curriculum.CatalogService;
import vn.ntm.portal.curriculum.LessonContent;
import vn.ntm.portal.curriculum.LessonKind;
import vn.ntm.portal.curriculum.LessonSummary;
import vn.ntm.portal.curriculum.ModuleSummary;
import vn.ntm.portal.curriculum.QuizChoice;
import vn.ntm.portal.curriculum.QuizQuestion;
import vn.ntm.portal.curriculum.QuizResult;
import vn.ntm.portal.learning.domain.Enrolment;
import vn.ntm.portal.learning.domain.EnrolmentRepository;
import vn.ntm.portal.learning.domain.LessonProgress;
import vn.ntm.portal.learning.domain.LessonProgressRepository;
import vn.ntm.portal.learning.domain.MediaPosition;
import vn.ntm.portal.learning.domain.MediaPositionRepository;
import vn.ntm.portal.learning.domain.QuizAttempt;
import vn.ntm.portal.learning.domain.QuizAttemptRepository;
import vn.ntm.portal.security.CurrentUser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A trainee's own learning: enrolling in published modules, reading lessons, watching videos (to 90%), opening
 * documents, taking quizzes (graded here, never in the browser), resuming where they left off (the lesson, and the
 * second of a video), and completing modules. Publishes {@link EnrolmentStarted} and
 * {@link ModuleCompleted} inside the transaction that records them.
 */
@Service
public class LearningService {

    private final CatalogService catalog;
    private final EnrolmentRepository enrolments;
    private final LessonProgressRepository progress;
    private final QuizAttemptRepository attempts;
    private final MediaPositionRepository positions;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LearningService(CatalogService catalog, EnrolmentRepository enrolments, LessonProgressRepository progress,
                    QuizAttemptRepository attempts, MediaPositionRepository positions, CurrentUser currentUser,
                    ApplicationEventPublisher events, Clock clock) {
        this.positions = positions;
        this.catalog = catalog;
        this.enrolments = enrolments;
        this.progress = progress;
        this.attempts = attempts;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** A module with its lessons and the reader's progress; a draft is refused as if it did not exist. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ModulePage module(long moduleId) {
        ModuleSummary module = catalog.module(moduleId);
        List<LessonSummary> lessons = catalog.lessons(moduleId);
        EnrolmentState state = enrolments.findByAccountIdAndModuleId(me(), moduleId).map(e -> state(e, lessons)).orElse(null);
        return new ModulePage(module, lessons, state);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public EnrolmentState enrol(long moduleId) {
        ModuleSummary module = catalog.module(moduleId);
        if (!module.isPublished()) {
            throw new ValidationException("learning.error.notPublished");
        }
        long accountId = me();
        if (enrolments.existsByAccountIdAndModuleId(accountId, moduleId)) {
            throw new ValidationException("learning.error.alreadyEnrolled", module.title());
        }
        Enrolment enrolment;
        try {
            enrolment = enrolments.saveAndFlush(new Enrolment(accountId, moduleId, module.version(), clock.instant()));
        } catch (DataIntegrityViolationException race) {
            throw new ValidationException("learning.error.alreadyEnrolled", module.title());
        }
        events.publishEvent(new EnrolmentStarted(enrolment.getId(), accountId, moduleId, module.version()));
        return state(enrolment, catalog.lessons(moduleId));
    }

    /** Opens a lesson of a module the reader is enrolled in, and remembers it as the place to resume. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public LessonPage openLesson(long lessonId) {
        LessonContent lesson = catalog.lesson(lessonId);
        Enrolment enrolment = enrolment(lesson.moduleId());
        enrolment.setLastLessonId(lessonId);
        if (lesson.kind() == LessonKind.VIDEO && lesson.hasFile()) {
            // watching is credited from here on, by the server's clock
            MediaPosition position = positions.findById(new LessonProgress.Key(enrolment.getId(), lessonId))
                    .orElseGet(() -> new MediaPosition(enrolment.getId(), lessonId));
            position.opened(clock.instant());
            positions.save(position);
        }
        if (lesson.kind() == LessonKind.DOCUMENT && lesson.hasFile()) {
            markDone(enrolment, lessonId);
            completeIfDone(enrolment);
        }
        return page(enrolment, lesson);
    }

    /**
     * Records how far the trainee got in a video (seconds, as the player reports them). The browser's word is not
     * enough for a lesson that counts in official figures: the running time is the one read from the file on the
     * server, and only the seconds the time between reports allows are credited (see {@link MediaPosition}); 90% of
     * the video credited completes the lesson. The player's duration is not used: a file whose running time the server
     * cannot read (uploaded before uploads were checked for it) keeps the trainee's place but completes nothing until
     * it is uploaded again.
     * @param durationSeconds the player's duration, kept in the signature for the player but not believed
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public LessonPage videoProgress(long lessonId, double positionSeconds, double durationSeconds) {
        LessonContent lesson = catalog.lesson(lessonId);
        if (lesson.kind() != LessonKind.VIDEO) {
            throw new ValidationException("curriculum.error.lessonNotFound");
        }
        Enrolment enrolment = enrolment(lesson.moduleId());
        java.util.OptionalDouble known = catalog.videoDurationSeconds(lessonId);
        if (Double.isFinite(positionSeconds) && positionSeconds >= 0) {
            MediaPosition position = positions.findById(new LessonProgress.Key(enrolment.getId(), lessonId))
                    .orElseGet(() -> new MediaPosition(enrolment.getId(), lessonId));
            if (known.isEmpty()) {
                position.setPositionSeconds((int) Math.min(positionSeconds, Integer.MAX_VALUE));
                positions.save(position);
                return page(enrolment, lesson);
            }
            double duration = known.getAsDouble();
            position.reported(positionSeconds, duration, clock.instant());
            positions.save(position);
            if (position.creditedSeconds() >= Math.floor(0.9 * duration)) {
                markDone(enrolment, lessonId);
                completeIfDone(enrolment);
            }
        }
        return page(enrolment, lesson);
    }

    /** Marks a text lesson (or a video or document lesson without its file) as done; quizzes are done by passing them. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public LessonPage completeLesson(long lessonId) {
        LessonContent lesson = catalog.lesson(lessonId);
        if (lesson.kind() == LessonKind.QUIZ) {
            throw new ValidationException("learning.error.quizByPassing");
        }
        if (lesson.kind() == LessonKind.VIDEO && lesson.hasFile()) {
            // a video with its file is done by watching it, measured on the server, not by saying so
            throw new ValidationException("learning.error.videoByWatching");
        }
        Enrolment enrolment = enrolment(lesson.moduleId());
        markDone(enrolment, lessonId);
        completeIfDone(enrolment);
        return page(enrolment, lesson);
    }

    /** Opens an attempt (or returns the one still open); refused once the attempt limit is used up. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public QuizAttemptView startQuiz(long lessonId) {
        LessonContent lesson = catalog.lesson(lessonId);
        if (lesson.kind() != LessonKind.QUIZ) {
            throw new ValidationException("curriculum.error.lessonNotFound");
        }
        Enrolment enrolment = enrolment(lesson.moduleId());
        List<QuizAttempt> previous = attempts.findByEnrolmentIdAndLessonIdOrderByNumberAsc(enrolment.getId(), lessonId);
        QuizAttempt attempt = previous.stream().filter(a -> !a.isSubmitted()).findFirst().orElse(null);
        if (attempt == null) {
            if (lesson.attemptLimit() != null && previous.size() >= lesson.attemptLimit()) {
                throw new ValidationException("learning.error.attemptLimit", lesson.attemptLimit());
            }
            attempt = attempts.save(new QuizAttempt(enrolment.getId(), lessonId, previous.size() + 1, clock.instant()));
        }
        return new QuizAttemptView(attempt.getId(), lessonId, attempt.getNumber(), ordered(lesson, attempt.getId()));
    }

    /**
     * Grades an attempt: answers map each question id to the indexes of the chosen options. An attempt is submitted
     * once; a second submit is refused and changes nothing.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public QuizOutcome submitQuiz(long attemptId, Map<Long, Set<Integer>> answers) {
        QuizAttempt attempt = attempts.findById(attemptId).orElseThrow(() -> new ValidationException("learning.error.attemptNotFound"));
        Enrolment enrolment = enrolments.findById(attempt.getEnrolmentId()).orElseThrow();
        if (enrolment.getAccountId() != me()) {
            throw new AccessDeniedException("Another trainee's quiz attempt");
        }
        if (attempt.isSubmitted()) {
            throw new ValidationException("learning.error.attemptSubmitted");
        }
        QuizResult result = catalog.grade(attempt.getLessonId(), answers);
        attempt.submit(clock.instant(), result.scorePercent(), result.passed());
        attempts.flush();
        boolean completed = false;
        if (result.passed()) {
            markDone(enrolment, attempt.getLessonId());
            completed = completeIfDone(enrolment);
        }
        Integer limit = catalog.lesson(attempt.getLessonId()).attemptLimit();
        return new QuizOutcome(result, attempt.getNumber(), limit == null ? null : Math.max(0, limit - attempt.getNumber()), completed);
    }

    /** Where to resume a module: the last lesson opened, else the first not yet done. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public @Nullable Long resumeLesson(long moduleId) {
        return enrolments.findByAccountIdAndModuleId(me(), moduleId)
                .map(e -> state(e, catalog.lessons(moduleId)).resumeLessonId()).orElse(null);
    }

    /**
     * Where the reader stands in each of the given modules they are enrolled in (the catalog's "continue" next to a
     * module); modules they are not enrolled in are absent.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, EnrolmentState> myEnrolments(java.util.Collection<Long> moduleIds) {
        if (moduleIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, EnrolmentState> result = new java.util.HashMap<>();
        for (Enrolment e : enrolments.findByAccountIdAndModuleIdIn(me(), moduleIds)) {
            result.put(e.getModuleId(), state(e, catalog.lessons(e.getModuleId())));
        }
        return result;
    }

    /** The reader's enrolments, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<MyModule> myLearning(int offset, int limit) {
        int size = Math.max(limit, 1);
        List<MyModule> result = new ArrayList<>();
        for (Enrolment e : enrolments.findByAccountIdOrderByEnrolledAtDescIdDesc(me(), PageRequest.of(offset / size, size))) {
            ModuleSummary module;
            try {
                module = catalog.module(e.getModuleId());
            } catch (ValidationException withdrawn) {
                continue;
            }
            EnrolmentState s = state(e, catalog.lessons(e.getModuleId()));
            result.add(new MyModule(e.getId(), module.id(), module.title(), module.programmeTitle(), s.requiredDone(),
                    s.requiredTotal(), s.completedOn(), s.resumeLessonId()));
        }
        return result;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public long countMyLearning() {
        return enrolments.countByAccountId(me());
    }

    private LessonPage page(Enrolment enrolment, LessonContent lesson) {
        List<LessonSummary> lessons = catalog.lessons(lesson.moduleId());
        int index = 0;
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).id() == lesson.id()) {
                index = i;
            }
        }
        EnrolmentState state = state(enrolment, lessons);
        int used = lesson.kind() == LessonKind.QUIZ
                ? (int) attempts.findByEnrolmentIdAndLessonIdOrderByNumberAsc(enrolment.getId(), lesson.id()).stream()
                .filter(QuizAttempt::isSubmitted).count()
                : 0;
        int resume = lesson.kind() != LessonKind.VIDEO ? 0
                : positions.findById(new LessonProgress.Key(enrolment.getId(), lesson.id())).map(MediaPosition::getPositionSeconds).orElse(0);
        return new LessonPage(catalog.module(lesson.moduleId()), lesson, state.doneLessons().contains(lesson.id()), used,
                index > 0 ? lessons.get(index - 1).id() : null,
                index + 1 < lessons.size() ? lessons.get(index + 1).id() : null, state, resume);
    }

    private EnrolmentState state(Enrolment e, List<LessonSummary> lessons) {
        Set<Long> done = new HashSet<>(progress.doneLessonIds(e.getId()));
        List<LessonSummary> required = lessons.stream().filter(LessonSummary::required).toList();
        int requiredDone = (int) required.stream().filter(l -> done.contains(l.id())).count();
        Long resume = e.getLastLessonId();
        if (resume == null || lessons.stream().noneMatch(l -> l.id() == e.getLastLessonId())) {
            resume = lessons.stream().filter(l -> !done.contains(l.id())).map(LessonSummary::id).findFirst()
                    .orElse(lessons.isEmpty() ? null : lessons.getFirst().id());
        }
        return new EnrolmentState(e.getId(), e.getModuleVersion(), e.getEnrolledAt(), Set.copyOf(done), resume, requiredDone,
                required.size(), e.getCompletedOn(), e.getCompletedVersion());
    }

    private void markDone(Enrolment enrolment, long lessonId) {
        if (!progress.existsById(new LessonProgress.Key(enrolment.getId(), lessonId))) {
            progress.save(new LessonProgress(enrolment.getId(), lessonId, clock.instant()));
        }
    }

    private boolean completeIfDone(Enrolment enrolment) {
        if (enrolment.getCompletedOn() != null) {
            return false;
        }
        Set<Long> done = new HashSet<>(progress.doneLessonIds(enrolment.getId()));
        if (!done.containsAll(catalog.requiredLessonIds(enrolment.getModuleId()))) {
            return false;
        }
        int version = catalog.module(enrolment.getModuleId()).version();
        LocalDate today = LocalDate.now(clock);
        enrolment.complete(today, version);
        events.publishEvent(new ModuleCompleted(enrolment.getId(), enrolment.getAccountId(), enrolment.getModuleId(), version, today));
        return true;
    }

    private Enrolment enrolment(long moduleId) {
        return enrolments.findByAccountIdAndModuleId(me(), moduleId)
                .orElseThrow(() -> new ValidationException("learning.error.notEnrolled"));
    }

    private long me() {
        return currentUser.require().accountId();
    }

    /** The questions in this attempt's order: shuffled (questions and options) with the attempt as the seed. */
    private static List<QuizQuestion> ordered(LessonContent lesson, long attemptId) {
        if (!lesson.shuffle()) {
            return lesson.questions();
        }
        Random random = new Random(attemptId);
        List<QuizQuestion> questions = new ArrayList<>();
        for (QuizQuestion q : lesson.questions()) {
            List<QuizChoice> choices = new ArrayList<>(q.choices());
            if (q.kind() != vn.ntm.portal.curriculum.QuestionKind.TRUE_FALSE) {
                Collections.shuffle(choices, random);
            }
            questions.add(new QuizQuestion(q.id(), q.kind(), q.text(), List.copyOf(choices)));
        }
        Collections.shuffle(questions, random);
        return questions;
    }
}
