package vn.ntm.portal.curriculum.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.curriculum.SearchText;
import vn.ntm.portal.curriculum.TopicSummary;

/** A topic (chuyên đề) with its number in the framework. */
@Entity
@Table(name = "curriculum_topic")
public class Topic {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private long groupId;
    @Column(nullable = false)
    private long programmeId;
    private int number;
    @Column(nullable = false)
    private String title;
    private @Nullable String description;
    private boolean illustrative;
    @Column(nullable = false)
    private String searchText;
    @Version
    private long version;

    protected Topic() {
    }

    public Topic(long programmeId, long groupId, int number, String title, @Nullable String description, boolean illustrative) {
        this.programmeId = programmeId;
        this.groupId = groupId;
        this.number = number;
        update(title, description, illustrative);
    }

    public void update(String title, @Nullable String description, boolean illustrative) {
        this.title = title;
        this.description = description;
        this.illustrative = illustrative;
        this.searchText = SearchText.fold(title);
    }

    public Long getId() {
        return id;
    }

    public long getGroupId() {
        return groupId;
    }

    public long getProgrammeId() {
        return programmeId;
    }

    public int getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public boolean isIllustrative() {
        return illustrative;
    }

    public TopicSummary toSummary(String groupNumber) {
        return new TopicSummary(id, programmeId, groupId, groupNumber, number, title, description, illustrative);
    }
}
