package vn.ntm.portal.training.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.training.ClassForm;
import vn.ntm.portal.training.ClassStatus;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
@Table(name = "training_class")
public class TrainingClass {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;
    @Column(nullable = false)
    private String title;
    private @Nullable String programme;
    private @Nullable String topics;
    @Column(nullable = false)
    private Long unitId;
    private @Nullable Long organisationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisingLevel organisingLevel;
    private @Nullable String targetGroups;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryMode deliveryMode;
    private @Nullable String venue;
    private @Nullable String meetingLink;
    @Column(nullable = false)
    private LocalDate startDate;
    @Column(nullable = false)
    private LocalDate endDate;
    private @Nullable Integer capacity;
    private @Nullable Long budgetVnd;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClassStatus status;
    private int completionShare;
    /** Whether sessions the trainee was excused from count towards the completion share (V20_1). */
    private boolean completionCountsExcused;
    @Column(nullable = false)
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "class_trainer", joinColumns = @JoinColumn(name = "class_id"))
    @Column(name = "account_id")
    private Set<Long> trainerAccountIds = new LinkedHashSet<>();

    @Version
    private long version;

    protected TrainingClass() {
    }

    public TrainingClass(ClassForm form, Instant createdAt) {
        this.createdAt = createdAt;
        apply(form);
    }

    public final void apply(ClassForm f) {
        code = f.code().strip();
        title = f.title().strip();
        programme = f.programme();
        topics = f.topics();
        unitId = f.unitId();
        organisationId = f.organisationId();
        organisingLevel = f.organisingLevel();
        targetGroups = f.targetGroups();
        deliveryMode = f.mode();
        venue = f.venue();
        meetingLink = f.meetingLink();
        startDate = f.startDate();
        endDate = f.endDate();
        capacity = f.capacity();
        budgetVnd = f.budgetVnd();
        status = f.status();
        completionShare = f.completionShare();
        trainerAccountIds.clear();
        trainerAccountIds.addAll(f.trainerAccountIds());
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public @Nullable String getProgramme() {
        return programme;
    }

    public @Nullable String getTopics() {
        return topics;
    }

    public Long getUnitId() {
        return unitId;
    }

    public @Nullable Long getOrganisationId() {
        return organisationId;
    }

    public OrganisingLevel getOrganisingLevel() {
        return organisingLevel;
    }

    public @Nullable String getTargetGroups() {
        return targetGroups;
    }

    public DeliveryMode getDeliveryMode() {
        return deliveryMode;
    }

    public @Nullable String getVenue() {
        return venue;
    }

    public @Nullable String getMeetingLink() {
        return meetingLink;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public @Nullable Integer getCapacity() {
        return capacity;
    }

    public @Nullable Long getBudgetVnd() {
        return budgetVnd;
    }

    public ClassStatus getStatus() {
        return status;
    }

    public int getCompletionShare() {
        return completionShare;
    }

    public boolean isCompletionCountsExcused() {
        return completionCountsExcused;
    }

    /** The class's completion rule, changed on its own (CompletionRules), after its effect was previewed. */
    public void changeCompletionRule(int share, boolean excusedCounts) {
        completionShare = share;
        completionCountsExcused = excusedCounts;
    }

    public Set<Long> getTrainerAccountIds() {
        return trainerAccountIds;
    }

    public long getVersion() {
        return version;
    }
}
