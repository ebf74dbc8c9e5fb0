package vn.ntm.portal.training.domain;

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
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.SessionPart;
import vn.ntm.portal.training.SessionSummary;

import java.time.LocalDate;
import java.time.LocalTime;

@Entity
@Table(name = "class_session")
public class ClassSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private Long classId;
    @Column(nullable = false)
    private LocalDate sessionDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionPart part;
    @Column(nullable = false)
    private LocalTime startsAt;
    @Column(nullable = false)
    private LocalTime endsAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryMode deliveryMode;
    private @Nullable String topics;
    @Version
    private long version;

    protected ClassSession() {
    }

    public ClassSession(long classId, LocalDate date, SessionPart part, LocalTime startsAt, LocalTime endsAt,
                        DeliveryMode mode, @Nullable String topics) {
        this.classId = classId;
        this.sessionDate = date;
        this.part = part;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.deliveryMode = mode;
        this.topics = topics;
    }

    public Long getId() {
        return id;
    }

    public Long getClassId() {
        return classId;
    }

    public SessionSummary toSummary() {
        return new SessionSummary(id, classId, sessionDate, part, startsAt, endsAt, deliveryMode, topics);
    }
}
