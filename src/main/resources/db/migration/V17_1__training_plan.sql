-- Training plans that coordination offices issue: per unit and year, rows by organising level and target trainee
-- level ('ALL' when the plan does not split by trainee level) with the planned classes, participations and budget.
CREATE TABLE training_plan (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    unit_id                BIGINT      NOT NULL,
    plan_year              INT         NOT NULL,
    organising_level       VARCHAR(20) NOT NULL,
    trainee_level          VARCHAR(30) NOT NULL,
    planned_classes        INT         NOT NULL,
    planned_participations INT         NOT NULL,
    planned_budget_vnd     BIGINT      NOT NULL,
    version                BIGINT      NOT NULL DEFAULT 0,
    updated_at             TIMESTAMP(6) NOT NULL,
    UNIQUE KEY uk_training_plan_row (unit_id, plan_year, organising_level, trainee_level),
    INDEX ix_training_plan_year (plan_year, unit_id),
    CONSTRAINT fk_training_plan_unit FOREIGN KEY (unit_id) REFERENCES administrative_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
