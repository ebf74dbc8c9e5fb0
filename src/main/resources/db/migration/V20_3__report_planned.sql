-- issue 14: planned classes (first day still ahead, not cancelled) as the reports count them, kept by the summaries'
-- refresh and rebuild from training's read API like the held ones, so that the planned count no longer reads
-- training's and person's tables. Filled here once from the classes planned today (those already among the held
-- summaries excepted), so no rebuild is needed; the day a class begins its refresh moves it to report_class.
CREATE TABLE report_planned_class (
    class_id         BIGINT        NOT NULL PRIMARY KEY,
    start_date       DATE          NOT NULL,
    recorded_path    VARCHAR(120)  NOT NULL,
    report_path      VARCHAR(120)  NOT NULL,
    organising_level VARCHAR(10)   NOT NULL,
    delivery_mode    VARCHAR(12)   NOT NULL,
    programme        VARCHAR(200)  NULL,
    topics           VARCHAR(1000) NULL,
    target_groups    VARCHAR(500)  NULL,
    budget_vnd       BIGINT        NOT NULL DEFAULT 0,
    enrolments       INT           NOT NULL DEFAULT 0,
    INDEX ix_report_planned_path (report_path, start_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the trainee levels on a planned class's roster (as the roster recorded them, else the person's own, else UNKNOWN)
CREATE TABLE report_planned_level (
    class_id      BIGINT      NOT NULL,
    trainee_level VARCHAR(20) NOT NULL,
    PRIMARY KEY (class_id, trainee_level)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO report_planned_class (class_id, start_date, recorded_path, report_path, organising_level, delivery_mode, programme,
                                  topics, target_groups, budget_vnd, enrolments)
SELECT c.id, c.start_date, u.path, m.report_path, c.organising_level, c.delivery_mode, c.programme, c.topics, c.target_groups,
       COALESCE(c.budget_vnd, 0), (SELECT COUNT(*) FROM roster_entry r WHERE r.class_id = c.id)
FROM training_class c JOIN administrative_unit u ON u.id = c.unit_id JOIN report_unit_map m ON m.unit_id = c.unit_id
WHERE c.status <> 'CANCELLED' AND c.start_date > CURDATE()
  AND NOT EXISTS (SELECT 1 FROM report_class rc WHERE rc.class_id = c.id);

INSERT IGNORE INTO report_planned_level (class_id, trainee_level)
SELECT r.class_id, COALESCE(r.trainee_level, k.trainee_level, 'UNKNOWN')
FROM roster_entry r JOIN person p ON p.id = r.person_id JOIN person k ON k.id = COALESCE(p.merged_into, p.id)
WHERE r.class_id IN (SELECT class_id FROM report_planned_class);
