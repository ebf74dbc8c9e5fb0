package vn.ntm.portal.learning.domain;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** How far a trainee got in a video, so that they resume there, on any device. */
@Entity
@Table(name = "learning_media_position")
public class MediaPosition {

    @EmbeddedId
    private LessonProgress.Key id;
    private int positionSeconds;

    protected MediaPosition() {
    }

    public MediaPosition(long enrolmentId, long lessonId) {
        this.id = new LessonProgress.Key(enrolmentId, lessonId);
    }

    public int getPositionSeconds() {
        return positionSeconds;
    }

    public void setPositionSeconds(int positionSeconds) {
        this.positionSeconds = positionSeconds;
    }
}
