-- Watching a video is measured on the server: the running time read from the uploaded file, and the seconds of it a
-- trainee can have watched given the time that passed between the player's reports (one bit a second).
ALTER TABLE curriculum_lesson ADD COLUMN media_duration_ms BIGINT NULL;
ALTER TABLE learning_media_position
    ADD COLUMN reported_at TIMESTAMP(6) NULL,
    ADD COLUMN watched VARBINARY(10800) NULL;
