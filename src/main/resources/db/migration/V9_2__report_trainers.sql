-- The split by trainer from the pre-aggregated cells: the class's trainers (account ids, ascending, comma-separated)
-- are copied into the summaries, as the programme is, so that a refresh knows which trainers' cells a row counted in
-- before a change of trainers and which after. A class with two trainers counts in both trainers' cells.
ALTER TABLE report_class
    ADD COLUMN trainer_ids VARCHAR(400) NOT NULL DEFAULT '';
ALTER TABLE report_participation
    ADD COLUMN trainer_ids VARCHAR(400) NOT NULL DEFAULT '';

-- Summaries are derived data: empty them, the portal rebuilds them from the base tables when it starts (RebuildOnStart).
DELETE FROM report_pending;
DELETE FROM report_cell;
DELETE FROM report_participation;
DELETE FROM report_class;
DELETE FROM report_online;
DELETE FROM report_unit_map;
