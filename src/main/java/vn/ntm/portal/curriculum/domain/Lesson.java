package vn.ntm.portal.curriculum.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.curriculum.FeedbackMode;
import vn.ntm.portal.curriculum.LessonKind;
import vn.ntm.portal.curriculum.LessonSummary;

/** A lesson of a module, in order. Text lessons hold sanitized HTML; quiz lessons hold their settings. */
@Entity
@Table(name = "curriculum_lesson")
public class Lesson {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private long moduleId;
    private int position;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LessonKind kind;
    @Column(nullable = false)
    private String title;
    private boolean required = true;
    private @Nullable String content;
    private @Nullable Integer passMark;
    private @Nullable Integer attemptLimit;
    private boolean shuffle;
    @Enumerated(EnumType.STRING)
    private @Nullable FeedbackMode feedbackMode;
    private @Nullable String fileKey;
    private @Nullable String fileName;
    private @Nullable String fileType;
    private @Nullable Long fileSize;
    /** The running time read from an uploaded video, in milliseconds (null: not a video, or uploaded before it was read). */
    private @Nullable Long mediaDurationMs;
    private boolean removed;
    @Version
    private long version;

    protected Lesson() {
    }

    public Lesson(long moduleId, int position) {
        this.moduleId = moduleId;
        this.position = position;
    }

    public void update(LessonKind kind, String title, boolean required, @Nullable String content, @Nullable Integer passMark,
                       @Nullable Integer attemptLimit, boolean shuffle, @Nullable FeedbackMode feedbackMode) {
        this.kind = kind;
        this.title = title;
        this.required = required;
        this.content = content;
        this.passMark = passMark;
        this.attemptLimit = attemptLimit;
        this.shuffle = shuffle;
        this.feedbackMode = feedbackMode;
    }

    public Long getId() {
        return id;
    }

    public long getModuleId() {
        return moduleId;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public LessonKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public boolean isRequired() {
        return required;
    }

    public @Nullable String getContent() {
        return content;
    }

    public int getPassMark() {
        return passMark == null ? 70 : passMark;
    }

    public @Nullable Integer getAttemptLimit() {
        return attemptLimit;
    }

    public boolean isShuffle() {
        return shuffle;
    }

    public FeedbackMode getFeedbackMode() {
        return feedbackMode == null ? FeedbackMode.FULL : feedbackMode;
    }

    public @Nullable String getFileKey() {
        return fileKey;
    }

    public @Nullable String getFileName() {
        return fileName;
    }

    public @Nullable String getFileType() {
        return fileType;
    }

    public long getFileSize() {
        return fileSize == null ? 0 : fileSize;
    }

    public void attach(String key, String name, String type, long size) {
        this.fileKey = key;
        this.fileName = name;
        this.fileType = type;
        this.fileSize = size;
        this.mediaDurationMs = null;
    }

    public void setMediaDurationMs(@Nullable Long mediaDurationMs) {
        this.mediaDurationMs = mediaDurationMs;
    }

    public @Nullable Long getMediaDurationMs() {
        return mediaDurationMs;
    }

    public boolean isRemoved() {
        return removed;
    }

    /** Takes the lesson out of its module; the row stays for the progress and editions that name it. */
    public void remove() {
        this.removed = true;
    }

    public LessonSummary toSummary() {
        return new LessonSummary(id, moduleId, position, kind, title, required);
    }
}
