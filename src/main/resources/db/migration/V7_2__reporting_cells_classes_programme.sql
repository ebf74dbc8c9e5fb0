-- The dashboard's usual questions answered from the cells alone, measured on national-scale data (ReportingBenchmark):
-- the cells also carry classes and budget (class-level counters, no scan of report_class) and a split by programme,
-- which the class-person rows now carry too. The programme is kept as the class records it (binary comparison), so
-- that a cell is exactly one key of the summaries' code.
ALTER TABLE report_cell
    MODIFY dim_value VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    ADD COLUMN classes    BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN budget_vnd BIGINT NOT NULL DEFAULT 0;

ALTER TABLE report_participation
    ADD COLUMN programme VARCHAR(200) NULL;

-- Summaries are derived data: empty them, the portal rebuilds them from the base tables when it starts (RebuildOnStart).
DELETE FROM report_cell;
DELETE FROM report_participation;
DELETE FROM report_class;
DELETE FROM report_online;
DELETE FROM report_unit_map;
