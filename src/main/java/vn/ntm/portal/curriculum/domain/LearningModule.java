package vn.ntm.portal.curriculum.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.curriculum.ModuleAudience;
import vn.ntm.portal.curriculum.ModuleStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * An online module (học phần) of a topic. {@code contentVersion} is the edition trainees take: a change to a
 * published module makes a new one, and enrolments remember the edition they were for.
 */
@Entity
@Table(name = "curriculum_module")
public class LearningModule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private long topicId;
    @Column(nullable = false)
    private long programmeId;
    @Column(nullable = false)
    private String title;
    private @Nullable String summary;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ModuleStatus status = ModuleStatus.DRAFT;
    private int contentVersion = 1;
    private @Nullable Instant publishedAt;
    @Column(nullable = false)
    private String searchText = "";

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "curriculum_module_level", joinColumns = @JoinColumn(name = "module_id"))
    @Column(name = "level")
    @Enumerated(EnumType.STRING)
    private Set<TraineeLevel> levels = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ModuleAudience audience = ModuleAudience.EVERYONE;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "curriculum_module_unit", joinColumns = @JoinColumn(name = "module_id"))
    @Column(name = "unit_id")
    private Set<Long> unitIds = new HashSet<>();

    @Version
    private long version;

    protected LearningModule() {
    }

    public LearningModule(long programmeId, long topicId, String title) {
        this.programmeId = programmeId;
        this.topicId = topicId;
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public long getTopicId() {
        return topicId;
    }

    public long getProgrammeId() {
        return programmeId;
    }

    public void moveTo(long programmeId, long topicId) {
        this.programmeId = programmeId;
        this.topicId = topicId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public @Nullable String getSummary() {
        return summary;
    }

    public void setSummary(@Nullable String summary) {
        this.summary = summary;
    }

    public ModuleStatus getStatus() {
        return status;
    }

    public int getContentVersion() {
        return contentVersion;
    }

    public Set<TraineeLevel> getLevels() {
        return levels.isEmpty() ? EnumSet.noneOf(TraineeLevel.class) : EnumSet.copyOf(levels);
    }

    public void setLevels(Set<TraineeLevel> levels) {
        this.levels.clear();
        this.levels.addAll(levels);
    }

    public ModuleAudience getAudience() {
        return audience;
    }

    /** The units a module restricted to units is open to (with the units below them). */
    public Set<Long> getUnitIds() {
        return Set.copyOf(unitIds);
    }

    public void setAudience(ModuleAudience audience, Set<Long> unitIds) {
        this.audience = audience;
        this.unitIds.clear();
        this.unitIds.addAll(unitIds);
    }

    /** Opens a module restricted to units to one more unit (an assignment to that unit). */
    public void openTo(long unitId) {
        unitIds.add(unitId);
    }

    public void setSearchText(String searchText) {
        this.searchText = searchText.length() > 1000 ? searchText.substring(0, 1000) : searchText;
    }

    public void publish(Instant now) {
        status = ModuleStatus.PUBLISHED;
        publishedAt = now;
    }

    public void unpublish() {
        status = ModuleStatus.DRAFT;
    }

    public @Nullable Instant getPublishedAt() {
        return publishedAt;
    }

    /** A new edition, whatever the status: a module changed while withdrawn and published again. */
    public void newEdition() {
        contentVersion++;
    }

    /** A change to a published module is a new edition; a draft is changed in place. */
    public void changed() {
        if (status == ModuleStatus.PUBLISHED) {
            contentVersion++;
        }
    }
}
