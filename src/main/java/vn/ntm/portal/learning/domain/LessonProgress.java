package vn.ntm.portal.learning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A lesson a trainee has done: text read, quiz passed. */
@Entity
@Table(name = "learning_lesson_progress")
public class LessonProgress {

    @EmbeddedId
    private Key id;
    @Column(nullable = false)
    private Instant doneAt;

    protected LessonProgress() {
    }

    public LessonProgress(long enrolmentId, long lessonId, Instant doneAt) {
        this.id = new Key(enrolmentId, lessonId);
        this.doneAt = doneAt;
    }

    public long getLessonId() {
        return id.lessonId;
    }

    @Embeddable
    public static class Key implements Serializable {
        private long enrolmentId;
        private long lessonId;

        protected Key() {
        }

        public Key(long enrolmentId, long lessonId) {
            this.enrolmentId = enrolmentId;
            this.lessonId = lessonId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.enrolmentId == enrolmentId && k.lessonId == lessonId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(enrolmentId) * 31 + Long.hashCode(lessonId);
        }
    }
}
