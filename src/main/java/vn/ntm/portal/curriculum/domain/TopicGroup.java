package vn.ntm.portal.curriculum.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.ntm.portal.curriculum.TopicGroupSummary;

/** A group of topics of a programme, e.g. Nhóm I "các nội dung cơ bản". */
@Entity
@Table(name = "curriculum_topic_group")
public class TopicGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private long programmeId;
    @Column(nullable = false)
    private String number;
    @Column(nullable = false)
    private String title;
    private int position;
    @Version
    private long version;

    protected TopicGroup() {
    }

    public TopicGroup(long programmeId, String number, String title, int position) {
        this.programmeId = programmeId;
        this.number = number;
        this.title = title;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public long getProgrammeId() {
        return programmeId;
    }

    public String getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public TopicGroupSummary toSummary() {
        return new TopicGroupSummary(id, programmeId, number, title);
    }
}
