package vn.ntm.portal.curriculum;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.Texts;
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
import vn.ntm.portal.curriculum.domain.Topic;
import vn.ntm.portal.curriculum.domain.TopicGroup;
import vn.ntm.portal.curriculum.domain.TopicGroupRepository;
import vn.ntm.portal.curriculum.domain.TopicRepository;
import vn.ntm.portal.audit.AuditAction;
import vn.ntm.portal.curriculum.domain.ProgrammeAuthors;
import vn.ntm.portal.security.CurrentUser;
import vn.ntm.portal.security.PortalUser;
import vn.ntm.portal.unit.UnitDirectory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Authoring. Who may change which programme is decided by {@link Authorship} on every call (the role in
 * {@code @PreAuthorize} only lets a person reach authoring): managers keep programmes, topic groups and topics and
 * authors write modules and lessons and publish them. Every change goes into the audit trail with its author
 * ({@link CurriculumAudit}). A change to a published module makes a new edition (its version goes up) and the content
 * of the edition before is kept (EditionKeeper), as is a module withdrawn, changed and published again. A whole
 * programme moves between installations as one JSON file ({@link ProgrammeFile}).
 */
@Service
public class CurriculumService {

    /** Who may reach authoring at all; which programme each may change is checked in the method (see Authorship). */
    static final String AUTHORS = "hasAnyRole('ADMIN', 'COORDINATOR', 'TRAINER')";
    static final String MANAGERS = "hasAnyRole('ADMIN', 'COORDINATOR')";

    /** A description, summary, question or explanation (TEXT columns: 10,000 characters fit even at 4 bytes each). */
    static final int MAX_DESCRIPTION_CHARS = 10_000;
    /** A lesson's text (MEDIUMTEXT), a long chapter and then some. */
    static final int MAX_LESSON_CHARS = 1_000_000;
    private static final Pattern CODE = Pattern.compile("[\\p{L}0-9._/-]{2,40}");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ProgrammeRepository programmes;
    private final TopicGroupRepository groups;
    private final TopicRepository topics;
    private final ModuleRepository modules;
    private final LessonRepository lessons;
    private final QuestionRepository questions;
    private final ModuleSummaries summaries;
    private final Clock clock;
    private final FileStorage files;
    private final long maxFileBytes;
    private final EditionKeeper editions;
    private final CurrentUser currentUser;
    private final UnitDirectory units;
    private final Authorship authorship;
    private final ProgrammeAuthors authors;
    private final CurriculumAudit audit;

    CurriculumService(ProgrammeRepository programmes, TopicGroupRepository groups, TopicRepository topics,
                      ModuleRepository modules, LessonRepository lessons, QuestionRepository questions,
                      ModuleSummaries summaries, Clock clock, FileStorage files, EditionKeeper editions,
                      CurrentUser currentUser, UnitDirectory units, Authorship authorship, ProgrammeAuthors authors,
                      CurriculumAudit audit, @Value("${portal.files.max-bytes:52428800}") long maxFileBytes) {
        this.editions = editions;
        this.authorship = authorship;
        this.authors = authors;
        this.audit = audit;
        this.currentUser = currentUser;
        this.units = units;
        this.files = files;
        this.maxFileBytes = maxFileBytes;
        this.programmes = programmes;
        this.groups = groups;
        this.topics = topics;
        this.modules = modules;
        this.lessons = lessons;
        this.questions = questions;
        this.summaries = summaries;
        this.clock = clock;
    }

    // --- programmes, groups, topics -------------------------------------------------------------------------------

    /** The programmes the signed-in person may change (all for administrators). */
    @PreAuthorize(AUTHORS)
    @Transactional(readOnly = true)
    public List<ProgrammeSummary> programmes() {
        PortalUser user = currentUser.require();
        return programmes.findAllByOrderByPeriodFromDescCodeAsc().stream().filter(p -> authorship.authors(user, p))
                .map(Programme::toSummary).toList();
    }

    /** Whether the signed-in person keeps the programme itself, its topics and its authors (not only its modules). */
    @PreAuthorize(AUTHORS)
    @Transactional(readOnly = true)
    public boolean managesProgramme(long programmeId) {
        return authorship.manages(currentUser.require(), authorship.programme(programmeId));
    }

    /**
     * An administrator creates a national programme; a coordinator creates one owned by their unit and becomes its
     * author.
     */
    @PreAuthorize(MANAGERS)
    @Transactional
    public ProgrammeSummary createProgramme(ProgrammeDraft draft) {
        String code = draft.code() == null ? "" : draft.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw new ValidationException("curriculum.error.code");
        }
        if (programmes.existsByCode(code)) {
            throw new ValidationException("curriculum.error.codeTaken", code);
        }
        PortalUser user = currentUser.require();
        if (!user.isAdmin() && user.unitId() == null) {
            throw new AccessDeniedException("A coordinator without a unit owns no programme");
        }
        Programme programme = new Programme(code, title(draft.title()));
        apply(programme, draft);
        programme.setOwnerUnitId(user.isAdmin() ? null : user.unitId());
        programme = programmes.save(programme);
        audit.programme(programme, AuditAction.CREATED, null);
        if (!user.isAdmin()) {
            authors.add(programme.getId(), user.accountId(), user.getUsername(), clock.instant());
        }
        return programme.toSummary();
    }

    @PreAuthorize(MANAGERS)
    @Transactional
    public ProgrammeSummary updateProgramme(long programmeId, ProgrammeDraft draft) {
        Programme programme = authorship.requireManager(programmeId);
        ProgrammeSummary before = programme.toSummary();
        apply(programme, draft);
        audit.programme(programme, AuditAction.UPDATED, before);
        return programme.toSummary();
    }

    private static void apply(Programme programme, ProgrammeDraft draft) {
        if (draft.periodFrom() != null && draft.periodTo() != null && draft.periodFrom() > draft.periodTo()) {
            throw new ValidationException("curriculum.error.period");
        }
        programme.update(title(draft.title()), Texts.field(draft.decisionNumber(), 60, "curriculum.error.decisionNumber"), draft.decisionDate(),
                draft.periodFrom(), draft.periodTo(), draft.status() == null ? ProgrammeStatus.DRAFT : draft.status(),
                description(draft.description()));
    }

    @PreAuthorize(MANAGERS)
    @Transactional
    public TopicGroupSummary addGroup(long programmeId, String number, String title) {
        Programme programme = authorship.requireManager(programmeId);
        String n = number == null ? "" : Texts.clean(number);
        if (n.isEmpty() || n.length() > 10) {
            throw new ValidationException("curriculum.error.groupNumber");
        }
        if (groups.findByProgrammeIdOrderByPositionAscIdAsc(programmeId).stream().anyMatch(g -> g.getNumber().equalsIgnoreCase(n))) {
            throw new ValidationException("curriculum.error.groupNumberTaken", n);
        }
        int position = (int) groups.countByProgrammeId(programmeId) + 1;
        TopicGroup group = groups.save(new TopicGroup(programmeId, n, title(title), position));
        audit.group(programme, group);
        return group.toSummary();
    }

    @PreAuthorize(MANAGERS)
    @Transactional
    public TopicSummary addTopic(long groupId, int number, String title, @Nullable String description, boolean illustrative) {
        TopicGroup group = groups.findById(groupId).orElseThrow(() -> new ValidationException("curriculum.error.topicRequired"));
        Programme programme = authorship.requireManager(group.getProgrammeId());
        if (number < 1 || number > 999) {
            throw new ValidationException("curriculum.error.topicNumber");
        }
        if (topics.existsByProgrammeIdAndNumber(group.getProgrammeId(), number)) {
            throw new ValidationException("curriculum.error.topicNumberTaken", number);
        }
        Topic topic = new Topic(group.getProgrammeId(), groupId, number, title(title), description(description), illustrative);
        topic = topics.save(topic);
        audit.topic(programme, topic);
        return topic.toSummary(group.getNumber());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TopicGroupSummary> groups(long programmeId) {
        return groups.findByProgrammeIdOrderByPositionAscIdAsc(programmeId).stream().map(TopicGroup::toSummary).toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TopicSummary> topics(long programmeId) {
        Map<Long, String> numbers = new HashMap<>();
        groups.findByProgrammeIdOrderByPositionAscIdAsc(programmeId).forEach(g -> numbers.put(g.getId(), g.getNumber()));
        return topics.findByProgrammeIdOrderByNumberAsc(programmeId).stream()
                .map(t -> t.toSummary(numbers.getOrDefault(t.getGroupId(), ""))).toList();
    }

    // --- modules and lessons ----------------------------------------------------------------------------------------

    /** Modules of a programme in every status, for authors. */
    @PreAuthorize(AUTHORS)
    @Transactional(readOnly = true)
    public List<ModuleSummary> modules(@Nullable Long programmeId, String text, int offset, int limit) {
        if (!mayList(programmeId)) {
            return List.of();
        }
        int size = Math.max(limit, 1);
        return summaries.of(modules.search(null, programmeId, null, null, SearchText.likeFragment(text), true, null, false,
                PageRequest.of(offset / size, size)));
    }

    @PreAuthorize(AUTHORS)
    @Transactional(readOnly = true)
    public long countModules(@Nullable Long programmeId, String text) {
        if (!mayList(programmeId)) {
            return 0;
        }
        return modules.countSearch(null, programmeId, null, null, SearchText.likeFragment(text), true, null, false);
    }

    @PreAuthorize(AUTHORS)
    @Transactional
    public ModuleSummary createModule(ModuleDraft draft) {
        Topic topic = topic(draft.topicId());
        Programme programme = authorship.requireAuthor(topic.getProgrammeId());
        LearningModule module = new LearningModule(topic.getProgrammeId(), topic.getId(), title(draft.title()));
        module.setSummary(description(draft.summary()));
        module.setLevels(levels(draft.levels()));
        audience(module, draft);
        summaries.index(module);
        module = modules.save(module);
        audit.moduleCreated(programme, module, topic);
        return summaries.of(module);
    }

    @PreAuthorize(AUTHORS)
    @Transactional
    public ModuleSummary updateModule(long moduleId, ModuleDraft draft) {
        LearningModule module = authored(moduleId);
        Topic topic = topic(draft.topicId());
        authorship.requireAuthor(topic.getProgrammeId());
        CurriculumAudit.ModuleState before = CurriculumAudit.ModuleState.of(module);
        String title = title(draft.title());
        String summary = description(draft.summary());
        Set<TraineeLevel> levels = levels(draft.levels());
        boolean contentChanges = module.getTopicId() != topic.getId() || !module.getTitle().equals(title)
                || !java.util.Objects.equals(module.getSummary(), summary) || !module.getLevels().equals(levels);
        if (contentChanges) {
            editions.keepBeforeChange(module);
        }
        audience(module, draft);
        module.moveTo(topic.getProgrammeId(), topic.getId());
        module.setTitle(title);
        module.setSummary(summary);
        module.setLevels(levels);
        summaries.index(module);
        if (contentChanges) {
            changed(module);
        }
        audit.moduleUpdated(authorship.programme(module.getProgrammeId()), module, before);
        return summaries.of(module);
    }

    @PreAuthorize(AUTHORS)
    @Transactional
    public ModuleSummary publish(long moduleId) {
        LearningModule module = authored(moduleId);
        List<Lesson> list = lessons.findByModuleIdOrderByPositionAscIdAsc(moduleId);
        if (list.isEmpty()) {
            throw new ValidationException("curriculum.error.publishEmpty");
        }
        if (module.getStatus() != ModuleStatus.PUBLISHED) {
            if (editions.changedSinceLastEdition(module)) {
                module.newEdition();
            }
            module.publish(clock.instant());
            editions.recordIfPublished(module);
            audit.module(module, AuditAction.PUBLISHED);
        }
        return summaries.of(module);
    }

    /**
     * Withdraws a module from the catalog. Its edition is kept first (if it was not yet), so that changes made while
     * it is withdrawn make a new edition when it is published again.
     */
    @PreAuthorize(AUTHORS)
    @Transactional
    public ModuleSummary unpublish(long moduleId) {
        LearningModule module = authored(moduleId);
        editions.keepBeforeChange(module);
        boolean wasPublished = module.getStatus() == ModuleStatus.PUBLISHED;
        module.unpublish();
        if (wasPublished) {
            audit.module(module, AuditAction.WITHDRAWN);
        }
        return summaries.of(module);
    }

    /**
     * Adds a lesson at the end of the module (lessonId null) or replaces one; quiz questions are replaced as a whole.
     * The text is HTML and is kept only as far as {@link LessonHtml} allows: markup outside the allow-list is dropped.
     */
    @PreAuthorize(AUTHORS)
    @Transactional
    public LessonSummary saveLesson(long moduleId, @Nullable Long lessonId, LessonDraft draft) {
        LearningModule module = authored(moduleId);
        check(draft);
        editions.keepBeforeChange(module);
        Lesson lesson;
        @Nullable LessonDraft before = null;
        if (lessonId == null) {
            lesson = new Lesson(moduleId, (int) lessons.countByModuleId(moduleId) + 1);
        } else {
            lesson = lessons.findLive(lessonId).filter(l -> l.getModuleId() == moduleId)
                    .orElseThrow(() -> new ValidationException("curriculum.error.lessonNotFound"));
            before = draftOf(lesson);
        }
        boolean quiz = draft.kind() == LessonKind.QUIZ;
        String content = Texts.cleanLines(draft.content());
        if (content != null && content.length() > MAX_LESSON_CHARS) {
            throw new ValidationException("curriculum.error.lessonContent", MAX_LESSON_CHARS);
        }
        String html = LessonHtml.sanitize(content);
        lesson.update(draft.kind(), title(draft.title()), draft.required(), LessonHtml.hasContent(html) ? html : null,
                quiz ? draft.passMark() : null, quiz ? draft.attemptLimit() : null, quiz && draft.shuffle(),
                quiz ? (draft.feedbackMode() == null ? FeedbackMode.FULL : draft.feedbackMode()) : null);
        lesson = lessons.save(lesson);
        questions.deleteAll(questions.findByLessonIdOrderByPositionAscIdAsc(lesson.getId()));
        questions.flush();
        if (quiz) {
            int position = 1;
            for (LessonDraft.QuestionDraft q : draft.questions()) {
                List<QuizOption> options = q.options().stream().map(o -> new QuizOption(Texts.clean(o.text()), o.correct())).toList();
                questions.save(new Question(lesson.getId(), position++, q.kind(), Texts.cleanLines(q.text()), description(q.explanation()), options));
            }
        }
        changed(module);
        audit.lessonSaved(module, lesson, before, draftOf(lesson));
        return lesson.toSummary();
    }

    /**
     * Takes a lesson out of its module (the others close up). A published module keeps at least one lesson; its
     * edition before the change is kept, as for any change.
     */
    @PreAuthorize(AUTHORS)
    @Transactional
    public List<LessonSummary> removeLesson(long moduleId, long lessonId) {
        LearningModule module = authored(moduleId);
        List<Lesson> list = new ArrayList<>(lessons.findByModuleIdOrderByPositionAscIdAsc(moduleId));
        Lesson lesson = list.stream().filter(l -> l.getId() == lessonId).findFirst()
                .orElseThrow(() -> new ValidationException("curriculum.error.lessonNotFound"));
        if (module.getStatus() == ModuleStatus.PUBLISHED && list.size() == 1) {
            throw new ValidationException("curriculum.error.lastLesson");
        }
        editions.keepBeforeChange(module);
        lesson.remove();
        list.remove(lesson);
        renumber(list);
        changed(module);
        audit.lesson(module, lesson, AuditAction.REMOVED, "position", lesson.getPosition(), null);
        return list.stream().map(Lesson::toSummary).toList();
    }

    /** Moves a lesson one place up (-1) or down (+1); at either end nothing changes. */
    @PreAuthorize(AUTHORS)
    @Transactional
    public List<LessonSummary> moveLesson(long moduleId, long lessonId, int delta) {
        LearningModule module = authored(moduleId);
        List<Lesson> list = new ArrayList<>(lessons.findByModuleIdOrderByPositionAscIdAsc(moduleId));
        int from = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).getId() == lessonId) {
                from = i;
            }
        }
        if (from < 0) {
            throw new ValidationException("curriculum.error.lessonNotFound");
        }
        int to = from + Integer.signum(delta);
        if (to >= 0 && to < list.size()) {
            editions.keepBeforeChange(module);
            java.util.Collections.swap(list, from, to);
            renumber(list);
            changed(module);
            audit.lesson(module, list.get(to), AuditAction.UPDATED, "position", from + 1, to + 1);
        }
        return list.stream().map(Lesson::toSummary).toList();
    }

    private static void renumber(List<Lesson> list) {
        for (int i = 0; i < list.size(); i++) {
            list.get(i).setPosition(i + 1);
        }
    }

    /**
     * Attaches the file of a video (MP4, WebM) or document (PDF) lesson, recognised by its content: a file that is not
     * what the lesson needs, whatever its name, or one over the size limit, is refused and nothing is stored.
     */
    @PreAuthorize(AUTHORS)
    @Transactional
    public LessonContent attachFile(long lessonId, String fileName, byte[] content) {
        return attach(lessonId, fileName, content.length, content, java.nio.ByteBuffer.wrap(content),
                () -> new java.io.ByteArrayInputStream(content));
    }

    /**
     * The same from an upload already on disk (the editor's upload goes to a temporary file): read as a stream into
     * the file store and, for a video's running time, mapped rather than copied, so a 50 MB video never sits whole
     * on the heap.
     */
    @PreAuthorize(AUTHORS)
    @Transactional
    public LessonContent attachFile(long lessonId, String fileName, java.nio.file.Path uploaded) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(uploaded)) {
            long size = channel.size();
            if (size > maxFileBytes) {
                throw new ValidationException("curriculum.error.fileTooLarge", maxFileBytes / 1024 / 1024);
            }
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate((int) Math.min(size, 4096));
            channel.read(head, 0);
            java.nio.ByteBuffer whole = channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size);
            return attach(lessonId, fileName, size, head.array(), whole, () -> {
                try {
                    return java.nio.file.Files.newInputStream(uploaded);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private LessonContent attach(long lessonId, String fileName, long contentLength, byte[] head, java.nio.ByteBuffer content,
                                 java.util.function.Supplier<java.io.InputStream> stream) {
        Lesson lesson = lessons.findLive(lessonId).orElseThrow(() -> new ValidationException("curriculum.error.lessonNotFound"));
        authored(lesson.getModuleId());
        if (lesson.getKind() != LessonKind.VIDEO && lesson.getKind() != LessonKind.DOCUMENT) {
            throw new ValidationException("curriculum.error.fileKind");
        }
        if (contentLength > maxFileBytes) {
            throw new ValidationException("curriculum.error.fileTooLarge", maxFileBytes / 1024 / 1024);
        }
        LessonFileType type = LessonFileType.detect(head);
        if (type == null || type.kind() != lesson.getKind()) {
            throw new ValidationException(lesson.getKind() == LessonKind.VIDEO ? "curriculum.error.notVideo" : "curriculum.error.notPdf");
        }
        // how long a video runs is read here, from the file, so that watching is measured against it (not the browser)
        java.util.OptionalDouble duration = type.kind() == LessonKind.VIDEO ? MediaDuration.of(content, type) : java.util.OptionalDouble.empty();
        if (type.kind() == LessonKind.VIDEO && duration.isEmpty()) {
            throw new ValidationException("curriculum.error.videoDuration");
        }
        LearningModule module = authored(lesson.getModuleId());
        editions.keepBeforeChange(module);
        String previous = lesson.getFileKey();
        String previousName = lesson.getFileName();
        String name = fileName == null || fileName.isBlank() ? "tep." + type.extension()
                : fileName.strip().replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
        String stored;
        try (java.io.InputStream in = stream.get()) {
            stored = files.store(in, type.extension());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        lesson.attach(stored, name.length() > 255 ? name.substring(0, 255) : name,
                type.mediaType(), contentLength);
        if (duration.isPresent()) {
            lesson.setMediaDurationMs(Math.round(duration.getAsDouble() * 1000));
        }
        changed(module);
        audit.lesson(module, lesson, AuditAction.UPDATED, "file", previousName, lesson.getFileName());
        if (previous != null && !editions.keepsFile(module, previous)) {
            files.delete(previous);
        }
        return new LessonContent(lesson.getId(), lesson.getModuleId(), lesson.getPosition(), lesson.getKind(), lesson.getTitle(),
                lesson.isRequired(), lesson.getContent(), lesson.getPassMark(), lesson.getAttemptLimit(), lesson.isShuffle(),
                lesson.getFeedbackMode(), List.of(), lesson.getFileName(), lesson.getFileType(), lesson.getFileSize());
    }

    /** The most a lesson file may weigh. */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    @PreAuthorize(AUTHORS)
    @Transactional(readOnly = true)
    public LessonDraft lessonForEditing(long moduleId, long lessonId) {
        authored(moduleId);
        Lesson lesson = lessons.findLive(lessonId).filter(l -> l.getModuleId() == moduleId)
                .orElseThrow(() -> new ValidationException("curriculum.error.lessonNotFound"));
        return draftOf(lesson);
    }

    @PreAuthorize(AUTHORS)
    @Transactional(readOnly = true)
    public List<LessonSummary> lessons(long moduleId) {
        authored(moduleId);
        return lessons.findByModuleIdOrderByPositionAscIdAsc(moduleId).stream().map(Lesson::toSummary).toList();
    }

    @PreAuthorize(AUTHORS)
    @Transactional(readOnly = true)
    public ModuleSummary moduleForEditing(long moduleId) {
        return summaries.of(authored(moduleId));
    }

    // --- one programme as one file ----------------------------------------------------------------------------------

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ProgrammeFile exportProgramme(long programmeId) {
        Programme programme = programmes.findById(programmeId).orElseThrow(() -> new ValidationException("curriculum.error.programmeNotFound"));
        ProgrammeSummary p = programme.toSummary();
        List<ProgrammeFile.GroupFile> groupFiles = new ArrayList<>();
        for (TopicGroup group : groups.findByProgrammeIdOrderByPositionAscIdAsc(programmeId)) {
            List<ProgrammeFile.TopicFile> topicFiles = new ArrayList<>();
            for (Topic topic : topics.findByGroupIdOrderByNumberAsc(group.getId())) {
                List<ProgrammeFile.ModuleFile> moduleFiles = modules.findByTopicIdOrderByTitleAsc(topic.getId()).stream()
                        .map(m -> new ProgrammeFile.ModuleFile(m.getTitle(), m.getSummary(), m.getLevels(), m.getStatus(),
                                lessons.findByModuleIdOrderByPositionAscIdAsc(m.getId()).stream().map(l -> {
                                    LessonDraft d = draftOf(l);
                                    return new ProgrammeFile.LessonFile(d.kind(), d.title(), d.required(), d.content(), null,
                                            d.passMark(), d.attemptLimit(), d.shuffle(), d.feedbackMode(),
                                            d.questions().isEmpty() ? null : d.questions());
                                }).toList()))
                        .toList();
                topicFiles.add(new ProgrammeFile.TopicFile(topic.getNumber(), topic.getTitle(), topic.getDescription(),
                        topic.isIllustrative(), moduleFiles));
            }
            groupFiles.add(new ProgrammeFile.GroupFile(group.getNumber(), group.getTitle(), topicFiles));
        }
        return new ProgrammeFile(p.code(), p.title(), p.decisionNumber(), p.decisionDate(), p.periodFrom(), p.periodTo(),
                p.status(), p.description(), ProgrammeFile.HTML, groupFiles);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public byte[] exportJson(long programmeId) {
        return JSON.writeValueAsBytes(exportProgramme(programmeId));
    }

    /** Reads a programme file; a file that is not one is refused with the parser's message. */
    public static ProgrammeFile parse(byte[] json) {
        try {
            ProgrammeFile file = JSON.readValue(json, ProgrammeFile.class);
            if (file == null || file.code() == null || file.groups() == null) {
                throw new ValidationException("curriculum.error.importFile", "code, groups");
            }
            return file;
        } catch (JacksonException e) {
            throw new ValidationException("curriculum.error.importFile", e.getOriginalMessage());
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ProgrammeSummary importJson(byte[] json) {
        return importProgramme(parse(json));
    }

    /** Creates a whole programme from its file, in one transaction: any refusal leaves nothing behind. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ProgrammeSummary importProgramme(ProgrammeFile file) {
        ProgrammeSummary programme = createProgramme(new ProgrammeDraft(file.code(), file.title(), file.decisionNumber(),
                file.decisionDate(), file.periodFrom(), file.periodTo(),
                file.status() == null ? ProgrammeStatus.ACTIVE : file.status(), file.description()));
        for (ProgrammeFile.GroupFile g : file.groups()) {
            TopicGroupSummary group = addGroup(programme.id(), g.number(), g.title());
            for (ProgrammeFile.TopicFile t : g.topics() == null ? List.<ProgrammeFile.TopicFile>of() : g.topics()) {
                TopicSummary topic = addTopic(group.id(), t.number(), t.title(), t.description(), t.illustrative());
                for (ProgrammeFile.ModuleFile m : t.modules() == null ? List.<ProgrammeFile.ModuleFile>of() : t.modules()) {
                    ModuleSummary module = createModule(new ModuleDraft(topic.id(), m.title(), m.summary(),
                            m.levels() == null ? Set.of() : m.levels()));
                    for (ProgrammeFile.LessonFile l : m.lessons()) {
                        String content = file.htmlLessons() ? l.content() : LessonHtml.fromMarkdown(l.content());
                        saveLesson(module.id(), null, new LessonDraft(l.kind(), l.title(), l.required() == null || l.required(),
                                content, l.passMark(), l.attemptLimit(), Boolean.TRUE.equals(l.shuffle()), l.feedbackMode(),
                                l.questions() == null ? List.of() : l.questions(), null));
                    }
                    if (m.status() == ModuleStatus.PUBLISHED) {
                        publish(module.id());
                    }
                }
            }
        }
        return programme;
    }

    /** The editions of a module, newest first. */
    @PreAuthorize(AUTHORS)
    @Transactional(readOnly = true)
    public List<ModuleEdition.Entry> editions(long moduleId) {
        return editions.list(authored(moduleId));
    }

    // --- rules ----------------------------------------------------------------------------------------------------

    /**
     * Who may see the module. Only administrators choose units (trainers see no units, and a coordinator's assignment
     * opens a module to a unit through CatalogService.openToUnit); a trainer's edit leaves the audience as it was.
     */
    private void audience(LearningModule module, ModuleDraft draft) {
        ModuleAudience audience = draft.audience() == null ? ModuleAudience.EVERYONE : draft.audience();
        Set<Long> unitIds = audience == ModuleAudience.UNITS && draft.unitIds() != null ? Set.copyOf(draft.unitIds()) : Set.of();
        if (audience == module.getAudience() && unitIds.equals(module.getUnitIds())) {
            return;
        }
        if (!currentUser.require().isAdmin()) {
            if (module.getId() == null && audience == ModuleAudience.EVERYONE) {
                return;
            }
            throw new ValidationException("curriculum.error.audienceByAdmin");
        }
        if (audience == ModuleAudience.UNITS && unitIds.isEmpty()) {
            throw new ValidationException("curriculum.error.audienceUnits");
        }
        for (long unitId : unitIds) {
            units.findById(unitId).orElseThrow(() -> new ValidationException("curriculum.error.audienceUnits"));
        }
        module.setAudience(audience, unitIds);
    }


    /** After any change: a published module gets a new edition, whose content is kept; a draft is changed in place. */
    private void changed(LearningModule module) {
        module.changed();
        editions.recordIfPublished(module);
    }

    /** A quiz needs questions, each with options and the right number of correct ones; refused before anything is saved. */
    static void check(LessonDraft draft) {
        if (draft.kind() == null) {
            throw new ValidationException("curriculum.error.lessonKind");
        }
        title(draft.title());
        if (draft.kind() != LessonKind.QUIZ) {
            return;
        }
        if (draft.passMark() == null || draft.passMark() < 1 || draft.passMark() > 100) {
            throw new ValidationException("curriculum.error.quiz.passMark");
        }
        if (draft.attemptLimit() != null && (draft.attemptLimit() < 1 || draft.attemptLimit() > 100)) {
            throw new ValidationException("curriculum.error.quiz.attemptLimit");
        }
        if (draft.questions() == null || draft.questions().isEmpty()) {
            throw new ValidationException("curriculum.error.quiz.noQuestions");
        }
        int n = 0;
        for (LessonDraft.QuestionDraft q : draft.questions()) {
            n++;
            String text = Texts.cleanLines(q.text());
            if (q.kind() == null || text == null || text.isEmpty()) {
                throw new ValidationException("curriculum.error.quiz.questionText", n);
            }
            if (text.length() > MAX_DESCRIPTION_CHARS) {
                throw new ValidationException("curriculum.error.quiz.questionTooLong", n, MAX_DESCRIPTION_CHARS);
            }
            description(q.explanation());
            if (q.options() == null || q.options().size() < 2
                    || q.options().stream().map(o -> Texts.clean(o.text())).anyMatch(o -> o == null || o.isEmpty())) {
                throw new ValidationException("curriculum.error.quiz.options", n);
            }
            if (q.options().stream().anyMatch(o -> Texts.clean(o.text()).length() > 1000)) {
                throw new ValidationException("curriculum.error.quiz.optionTooLong", n, 1000);
            }
            long correct = q.options().stream().filter(LessonDraft.OptionDraft::correct).count();
            if (correct == 0) {
                throw new ValidationException("curriculum.error.quiz.noCorrect", n);
            }
            if (q.kind() == QuestionKind.TRUE_FALSE && q.options().size() != 2) {
                throw new ValidationException("curriculum.error.quiz.trueFalse", n);
            }
            if (q.kind() != QuestionKind.MULTIPLE && correct != 1) {
                throw new ValidationException("curriculum.error.quiz.oneCorrect", n);
            }
        }
    }

    private LessonDraft draftOf(Lesson l) {
        List<LessonDraft.QuestionDraft> qs = l.getKind() != LessonKind.QUIZ ? List.of()
                : questions.findByLessonIdOrderByPositionAscIdAsc(l.getId()).stream()
                .map(q -> new LessonDraft.QuestionDraft(q.getKind(), q.getText(), q.getExplanation(),
                        q.getOptions().stream().map(o -> new LessonDraft.OptionDraft(o.getText(), o.isCorrect())).toList()))
                .toList();
        boolean quiz = l.getKind() == LessonKind.QUIZ;
        return new LessonDraft(l.getKind(), l.getTitle(), l.isRequired(), l.getContent(), quiz ? l.getPassMark() : null,
                l.getAttemptLimit(), l.isShuffle(), quiz ? l.getFeedbackMode() : null, qs, l.getFileName());
    }

    private LearningModule module(long moduleId) {
        return modules.findById(moduleId).orElseThrow(() -> new ValidationException("curriculum.error.moduleNotFound"));
    }

    /** The module, if the signed-in person may write its programme; refused otherwise. */
    private LearningModule authored(long moduleId) {
        LearningModule module = module(moduleId);
        authorship.requireAuthor(module.getProgrammeId());
        return module;
    }

    /** Everyone's modules are listed to administrators only; others list the modules of a programme they author. */
    private boolean mayList(@Nullable Long programmeId) {
        if (programmeId == null) {
            return currentUser.require().isAdmin();
        }
        authorship.requireAuthor(programmeId);
        return true;
    }

    private Topic topic(@Nullable Long topicId) {
        if (topicId == null) {
            throw new ValidationException("curriculum.error.topicRequired");
        }
        return topics.findById(topicId).orElseThrow(() -> new ValidationException("curriculum.error.topicRequired"));
    }

    private static Set<TraineeLevel> levels(@Nullable Set<TraineeLevel> levels) {
        if (levels == null || levels.isEmpty()) {
            throw new ValidationException("curriculum.error.levels");
        }
        return EnumSet.copyOf(levels);
    }

    private static String title(@Nullable String title) {
        String t = title == null ? "" : Texts.clean(title);
        if (t.isEmpty() || t.length() > 300) {
            throw new ValidationException("curriculum.error.title");
        }
        return t;
    }

    /** A description, summary or explanation: a long text that keeps its lines, within what its column holds. */
    private static @Nullable String description(@Nullable String text) {
        return Texts.longField(text, MAX_DESCRIPTION_CHARS, "curriculum.error.description");
    }
}
