-- A lesson taken out of a module stays in the table (marked removed): progress, quiz attempts and kept editions
-- still point to it, while readers and authors no longer see it.
ALTER TABLE curriculum_lesson ADD COLUMN removed BOOLEAN NOT NULL DEFAULT FALSE;
