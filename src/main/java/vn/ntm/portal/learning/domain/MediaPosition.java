package vn.ntm.portal.learning.domain;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;

/**
 * How far a trainee got in a video, so that they resume there, on any device; and which seconds of it the server
 * credits as watched. The player's reports are only believed as far as the time that passed between them allows:
 * a report at position p, t seconds (server clock) after the previous report or the opening of the lesson, credits at
 * most the {@link #MAX_RATE} × t + {@link #SLACK_SECONDS} seconds before p, and never before the previous position
 * unless the trainee went back. Each second counts once, however often it is watched.
 */
@Entity
@Table(name = "learning_media_position")
public class MediaPosition {

    /** Players offer up to double speed; a trainee watching faster than that is not credited for the excess. */
    static final double MAX_RATE = 2.0;
    /** Reports are throttled and rounded; one second of slack keeps an honest viewer from losing a second per report. */
    static final double SLACK_SECONDS = 1.0;
    /** The bitmap column holds a day of video at one bit a second. */
    static final int MAX_SECONDS = 10_800 * 8;

    @EmbeddedId
    private LessonProgress.Key id;
    private int positionSeconds;
    private @Nullable Instant reportedAt;
    private byte @Nullable [] watched;

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

    /** The lesson was opened now: the clock of the next report starts here, from the position the player resumes at. */
    public void opened(Instant now) {
        this.reportedAt = now;
    }

    /**
     * A report of the player: position {@code position} seconds into a video of {@code durationSeconds} (as the server
     * knows it), received at {@code now}. Credits what the elapsed time allows, moves the resume point.
     */
    public void reported(double position, double durationSeconds, Instant now) {
        double previous = positionSeconds;
        double elapsed = reportedAt == null ? 0 : Math.max(0, Duration.between(reportedAt, now).toMillis() / 1000.0);
        double to = Math.min(position, durationSeconds);
        double from = Math.max(to - (MAX_RATE * elapsed + (reportedAt == null ? 0 : SLACK_SECONDS)), to >= previous ? previous : 0);
        int seconds = (int) Math.min(Math.ceil(durationSeconds), MAX_SECONDS);
        BitSet bits = watched == null ? new BitSet(seconds) : BitSet.valueOf(watched);
        for (int s = (int) Math.ceil(from); s + 1 <= to + 1e-9 && s < seconds; s++) {
            bits.set(s);
        }
        watched = bits.toByteArray();
        reportedAt = now;
        positionSeconds = (int) Math.min(Math.max(position, 0), Integer.MAX_VALUE);
    }

    /** Seconds of the video credited as watched. */
    public int creditedSeconds() {
        return watched == null ? 0 : BitSet.valueOf(watched).cardinality();
    }
}
