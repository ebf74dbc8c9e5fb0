-- One record per real person across all classes, with or without an account.
CREATE TABLE person (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    full_name     VARCHAR(200) NOT NULL,
    gender        VARCHAR(10)  NULL,
    birth_year    INT          NULL,
    phone         VARCHAR(20)  NULL,
    national_id   VARCHAR(12)  NULL,
    commune_id    BIGINT       NULL,
    position      VARCHAR(200) NULL,
    trainee_level VARCHAR(20)  NULL,
    organisation  VARCHAR(255) NULL,
    account_id    BIGINT       NULL,
    merged_into   BIGINT       NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_person_national_id UNIQUE (national_id),
    CONSTRAINT uk_person_account UNIQUE (account_id),
    CONSTRAINT fk_person_commune FOREIGN KEY (commune_id) REFERENCES administrative_unit (id),
    CONSTRAINT fk_person_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_person_merged FOREIGN KEY (merged_into) REFERENCES person (id),
    INDEX ix_person_phone (phone),
    INDEX ix_person_name (full_name, birth_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A class (lớp tập huấn): one organised run of training.
CREATE TABLE training_class (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code                 VARCHAR(40)   NOT NULL,
    title                VARCHAR(300)  NOT NULL,
    programme            VARCHAR(200)  NULL,
    topics               VARCHAR(1000) NULL,
    unit_id              BIGINT        NOT NULL,
    organisation_id      BIGINT        NULL,
    organising_level     VARCHAR(10)   NOT NULL,
    target_groups        VARCHAR(500)  NULL,
    trainee_levels       VARCHAR(200)  NULL,
    delivery_mode        VARCHAR(12)   NOT NULL,
    venue                VARCHAR(300)  NULL,
    meeting_link         VARCHAR(500)  NULL,
    start_date           DATE          NOT NULL,
    end_date             DATE          NOT NULL,
    capacity             INT           NULL,
    budget_vnd           BIGINT        NULL,
    status               VARCHAR(12)   NOT NULL,
    completion_share     INT           NOT NULL DEFAULT 80,
    created_at           TIMESTAMP(6)  NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_class_code UNIQUE (code),
    CONSTRAINT fk_class_unit FOREIGN KEY (unit_id) REFERENCES administrative_unit (id),
    CONSTRAINT fk_class_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    INDEX ix_class_unit_start (unit_id, start_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE class_trainer (
    class_id   BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (class_id, account_id),
    CONSTRAINT fk_trainer_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_trainer_account FOREIGN KEY (account_id) REFERENCES account (id),
    INDEX ix_trainer_account (account_id)
) ENGINE = InnoDB;

-- A session (buổi): one dated meeting of a class.
CREATE TABLE class_session (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    class_id          BIGINT        NOT NULL,
    session_date      DATE          NOT NULL,
    part              VARCHAR(10)   NOT NULL,
    starts_at         TIME          NOT NULL,
    ends_at           TIME          NOT NULL,
    delivery_mode     VARCHAR(12)   NOT NULL,
    topics            VARCHAR(1000) NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_session_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT uk_session_slot UNIQUE (class_id, session_date, part)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The roster: who is enrolled in a class.
CREATE TABLE roster_entry (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    class_id   BIGINT       NOT NULL,
    person_id  BIGINT       NOT NULL,
    source     VARCHAR(20)  NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_roster UNIQUE (class_id, person_id),
    CONSTRAINT fk_roster_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_roster_person FOREIGN KEY (person_id) REFERENCES person (id),
    INDEX ix_roster_person (person_id)
) ENGINE = InnoDB;

-- Attendance: one mark per person per session. The unique key makes a repeated check-in harmless.
CREATE TABLE attendance (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id  BIGINT       NOT NULL,
    person_id   BIGINT       NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    note        VARCHAR(500) NULL,
    source      VARCHAR(20)  NOT NULL,
    recorded_at TIMESTAMP(6) NOT NULL,
    recorded_by BIGINT       NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_attendance UNIQUE (session_id, person_id),
    CONSTRAINT fk_attendance_session FOREIGN KEY (session_id) REFERENCES class_session (id),
    CONSTRAINT fk_attendance_person FOREIGN KEY (person_id) REFERENCES person (id),
    INDEX ix_attendance_person (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- People who came to a session but are not on the roster, until the trainer accepts or declines them.
CREATE TABLE walk_in (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id  BIGINT       NOT NULL,
    full_name   VARCHAR(200) NOT NULL,
    phone       VARCHAR(20)  NULL,
    national_id VARCHAR(12)  NULL,
    status      VARCHAR(10)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_walk_in_session FOREIGN KEY (session_id) REFERENCES class_session (id),
    INDEX ix_walk_in_session (session_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
