package vn.ntm.portal.curriculum.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.ntm.portal.curriculum.FeedbackMode;
import vn.ntm.portal.curriculum.LessonDraft;
import vn.ntm.portal.curriculum.LessonKind;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The kept editions of modules (table curriculum_module_edition): one JSON document per module and version. */
@Repository
public class ModuleEditions {

    /** A module as it was in one edition. */
    public record Content(String title, @Nullable String summary, List<LessonAsItWas> lessons) {
    }

    /** A lesson as it was, with its file (kept in the file storage while an edition names it) and its quiz. */
    public record LessonAsItWas(long lessonId, int position, LessonKind kind, String title, boolean required,
                                @Nullable String content, @Nullable Integer passMark, @Nullable Integer attemptLimit,
                                boolean shuffle, @Nullable FeedbackMode feedbackMode, @Nullable String fileKey,
                                @Nullable String fileName, @Nullable String fileType, long fileSize,
                                List<LessonDraft.QuestionDraft> questions) {
    }

    /** One row: the JSON is read by the service that wrote it. */
    public record Row(long moduleId, int version, Instant recordedAt, String title, String json, @Nullable String publishedBy) {
    }

    private final JdbcTemplate jdbc;

    ModuleEditions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes (or rewrites, while it is the current edition) the content of a module's edition, with the account whose
     * publishing or change made it (null when an older edition is kept before a change: its publisher is not known).
     */
    public void save(long moduleId, int version, Instant at, String title, String json, @Nullable Long publishedById,
                     @Nullable String publishedBy) {
        jdbc.update("""
                insert into curriculum_module_edition (module_id, content_version, recorded_at, title, content, published_by_id, published_by)
                values (?, ?, ?, ?, ?, ?, ?)
                on duplicate key update recorded_at = values(recorded_at), title = values(title), content = values(content),
                  published_by_id = coalesce(values(published_by_id), published_by_id), published_by = coalesce(values(published_by), published_by)""",
                moduleId, version, Timestamp.from(at), title, json, publishedById, publishedBy);
    }

    public Optional<Row> find(long moduleId, int version) {
        return jdbc.query("select module_id, content_version, recorded_at, title, content, published_by from curriculum_module_edition"
                        + " where module_id = ? and content_version = ?",
                (rs, i) -> new Row(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5),
                        rs.getString(6)),
                moduleId, version).stream().findFirst();
    }

    /** The editions of a module, newest first, without their content. */
    public List<Row> list(long moduleId) {
        return jdbc.query("select module_id, content_version, recorded_at, title, published_by from curriculum_module_edition"
                        + " where module_id = ? order by content_version desc",
                (rs, i) -> new Row(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4), "", rs.getString(5)),
                moduleId);
    }

    /** Whether any edition still names the file. */
    public boolean mentionsFile(long moduleId, String fileKey) {
        Integer n = jdbc.queryForObject("select count(*) from curriculum_module_edition where module_id = ? and content like ?",
                Integer.class, moduleId, "%\"" + fileKey + "\"%");
        return n != null && n > 0;
    }
}
