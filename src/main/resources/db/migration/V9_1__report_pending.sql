-- Changes waiting to reach the summaries. The reporting listeners only queue what changed (a class, or one person in a
-- class) and a single refresher works the queue in batches, one refresh per class for all its queued persons: a burst
-- of check-ins in one class costs one refresh a second instead of one refresh (behind one lock) per check-in.
-- person_id null means the whole class. Rows are deleted by id once their refresh has committed.
CREATE TABLE report_pending (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    class_id  BIGINT       NOT NULL,
    person_id BIGINT       NULL,
    queued_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE = InnoDB;
