-- Reporting: summaries derived from the training and learning tables, kept current from their events and
-- rebuildable from them at any time (ReportService.rebuild). Nothing here is a source of truth.

-- Where a recorded unit is reported today: itself while in force, else its successor (the first one when a unit was
-- split), else its nearest ancestor in force. province_id is the province of that unit; commune_id is null when the
-- records sit at province level (a provincial class, or a dissolved district without successor).
CREATE TABLE report_unit_map (
    unit_id        BIGINT       NOT NULL PRIMARY KEY,
    report_unit_id BIGINT       NOT NULL,
    province_id    BIGINT       NOT NULL,
    commune_id     BIGINT       NULL,
    report_path    VARCHAR(120) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per class with its dimensions and its counters (the same definitions as ClassCounts).
CREATE TABLE report_class (
    class_id            BIGINT        NOT NULL PRIMARY KEY,
    code                VARCHAR(40)   NOT NULL,
    title               VARCHAR(300)  NOT NULL,
    start_date          DATE          NOT NULL,
    recorded_unit_id    BIGINT        NOT NULL,
    recorded_path       VARCHAR(120)  NOT NULL,
    report_path         VARCHAR(120)  NOT NULL,
    province_id         BIGINT        NOT NULL,
    commune_id          BIGINT        NULL,
    organising_level    VARCHAR(10)   NOT NULL,
    delivery_mode       VARCHAR(12)   NOT NULL,
    programme           VARCHAR(200)  NULL,
    topics              VARCHAR(1000) NULL,
    target_groups       VARCHAR(500)  NULL,
    budget_vnd          BIGINT        NOT NULL DEFAULT 0,
    completion_share    INT           NOT NULL,
    sessions            INT           NOT NULL DEFAULT 0,
    enrolments          INT           NOT NULL DEFAULT 0,
    session_attendances INT           NOT NULL DEFAULT 0,
    participations      INT           NOT NULL DEFAULT 0,
    completions         INT           NOT NULL DEFAULT 0,
    INDEX ix_report_class_path (report_path, start_date),
    INDEX ix_report_class_start (start_date),
    INDEX ix_report_class_recorded (recorded_path, start_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per class and person (merged records count as the kept person) who is on the roster or attended:
-- enrolled, sessions attended (present or late), completed; with the class's dimensions copied, so that filters and
-- exact distinct-person counts need no join.
CREATE TABLE report_participation (
    class_id          BIGINT       NOT NULL,
    person_id         BIGINT       NOT NULL,
    enrolled          BOOLEAN      NOT NULL,
    attended_sessions INT          NOT NULL,
    completed         BOOLEAN      NOT NULL,
    trainee_level     VARCHAR(20)  NOT NULL,
    start_date        DATE         NOT NULL,
    report_path       VARCHAR(120) NOT NULL,
    province_id       BIGINT       NOT NULL,
    commune_id        BIGINT       NULL,
    organising_level  VARCHAR(10)  NOT NULL,
    delivery_mode     VARCHAR(12)  NOT NULL,
    PRIMARY KEY (class_id, person_id),
    INDEX ix_report_part_person (person_id),
    INDEX ix_report_part_path (report_path, start_date, person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Pre-aggregated cells for the dashboard's usual questions, exact distinct persons included:
-- unit_level N (the country, unit_id 0), P (a province), C (a commune), O (records at a province's own level,
-- unit_id = the province); period ALL, Yyyyy (a year) or Pyyyy (the phase starting that year);
-- dim ALL (dim_value ''), MODE, TLEVEL (trainee level) or OLEVEL (organising level).
CREATE TABLE report_cell (
    unit_level          CHAR(1)     NOT NULL,
    unit_id             BIGINT      NOT NULL,
    period              VARCHAR(8)  NOT NULL,
    dim                 VARCHAR(8)  NOT NULL,
    dim_value           VARCHAR(20) NOT NULL,
    parent_unit_id      BIGINT      NOT NULL,
    enrolments          BIGINT      NOT NULL DEFAULT 0,
    session_attendances BIGINT      NOT NULL DEFAULT 0,
    participations      BIGINT      NOT NULL DEFAULT 0,
    completions         BIGINT      NOT NULL DEFAULT 0,
    unique_participants BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_level, unit_id, period, dim, dim_value),
    INDEX ix_report_cell_parent (parent_unit_id, period, dim)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Online self-study: one row per enrolment, with the trainee's unit as reported today and their level.
CREATE TABLE report_online (
    enrolment_id  BIGINT       NOT NULL PRIMARY KEY,
    report_path   VARCHAR(120) NOT NULL,
    province_id   BIGINT       NULL,
    commune_id    BIGINT       NULL,
    trainee_level VARCHAR(20)  NOT NULL,
    programme_id  BIGINT       NOT NULL,
    topic_id      BIGINT       NOT NULL,
    enrolled_on   DATE         NOT NULL,
    completed_on  DATE         NULL,
    INDEX ix_report_online_path (report_path, enrolled_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row, locked by every summary refresh so that two refreshes never count one person twice.
CREATE TABLE report_refresh_lock (
    id INT NOT NULL PRIMARY KEY
) ENGINE = InnoDB;
INSERT INTO report_refresh_lock (id) VALUES (1);
