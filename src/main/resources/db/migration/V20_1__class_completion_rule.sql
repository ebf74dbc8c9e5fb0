-- issue 14: the completion rule of a class is the share of its sessions (completion_share, as before) and whether a
-- session the trainee was excused from counts towards it. Off by default: completions stay what they were.
ALTER TABLE training_class ADD COLUMN completion_counts_excused BOOLEAN NOT NULL DEFAULT FALSE;
