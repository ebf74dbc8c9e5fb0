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
import java.time.LocalDate;

/** A trainee's enrolment in a module, with the module version it was for and, once done, its completion. */
@Entity
@Table(name = "learning_enrolment")
public class Enrolment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private long accountId;
    @Column(nullable = false)
    private long moduleId;
    private int moduleVersion;
    @Column(nullable = false)
    private Instant enrolledAt;
    private @Nullable Long lastLessonId;
    private @Nullable LocalDate completedOn;
    private @Nullable Integer completedVersion;
    @Version
    private long version;

    protected Enrolment() {
    }

    public Enrolment(long accountId, long moduleId, int moduleVersion, Instant enrolledAt) {
        this.accountId = accountId;
        this.moduleId = moduleId;
        this.moduleVersion = moduleVersion;
        this.enrolledAt = enrolledAt;
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public long getModuleId() {
        return moduleId;
    }

    public int getModuleVersion() {
        return moduleVersion;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }

    public @Nullable Long getLastLessonId() {
        return lastLessonId;
    }

    public void setLastLessonId(@Nullable Long lastLessonId) {
        this.lastLessonId = lastLessonId;
    }

    public @Nullable LocalDate getCompletedOn() {
        return completedOn;
    }

    public @Nullable Integer getCompletedVersion() {
        return completedVersion;
    }

    public void complete(LocalDate on, int moduleVersion) {
        this.completedOn = on;
        this.completedVersion = moduleVersion;
    }
}
