package vn.ntm.portal.learning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One attempt at a quiz: opened, then submitted once. */
@Entity
@Table(name = "learning_quiz_attempt")
public class QuizAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private long enrolmentId;
    @Column(nullable = false)
    private long lessonId;
    private int number;
    @Column(nullable = false)
    private Instant startedAt;
    private @Nullable Instant submittedAt;
    private @Nullable Integer scorePercent;
    private @Nullable Boolean passed;
    @Version
    private long version;

    protected QuizAttempt() {
    }

    public QuizAttempt(long enrolmentId, long lessonId, int number, Instant startedAt) {
        this.enrolmentId = enrolmentId;
        this.lessonId = lessonId;
        this.number = number;
        this.startedAt = startedAt;
    }

    public Long getId() {
        return id;
    }

    public long getEnrolmentId() {
        return enrolmentId;
    }

    public long getLessonId() {
        return lessonId;
    }

    public int getNumber() {
        return number;
    }

    public boolean isSubmitted() {
        return submittedAt != null;
    }

    public void submit(Instant at, int scorePercent, boolean passed) {
        this.submittedAt = at;
        this.scorePercent = scorePercent;
        this.passed = passed;
    }
}
