-- Administrative units: province -> (historical district) -> commune, with validity and successors.
CREATE TABLE administrative_unit (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code       VARCHAR(20)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    name_en    VARCHAR(200) NULL,
    kind       VARCHAR(20)  NOT NULL,
    level      VARCHAR(10)  NOT NULL,
    parent_id  BIGINT       NULL,
    -- codes from the province down, e.g. '/14/03646/': "everything under X" is a prefix match
    path       VARCHAR(120) NOT NULL,
    valid_from DATE         NULL,
    valid_to   DATE         NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_unit_code UNIQUE (code),
    CONSTRAINT fk_unit_parent FOREIGN KEY (parent_id) REFERENCES administrative_unit (id),
    INDEX ix_unit_parent (parent_id, name),
    INDEX ix_unit_path (path),
    INDEX ix_unit_level (level, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A unit dissolved by the 2025 merger names the unit(s) its records are reported under today.
CREATE TABLE unit_successor (
    unit_id      BIGINT NOT NULL,
    successor_id BIGINT NOT NULL,
    PRIMARY KEY (unit_id, successor_id),
    CONSTRAINT fk_successor_unit FOREIGN KEY (unit_id) REFERENCES administrative_unit (id),
    CONSTRAINT fk_successor_successor FOREIGN KEY (successor_id) REFERENCES administrative_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Coordination offices (VPĐP) and other organisations, each belonging to a unit.
CREATE TABLE organisation (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(255) NOT NULL,
    kind       VARCHAR(30)  NOT NULL,
    unit_id    BIGINT       NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_organisation_unit FOREIGN KEY (unit_id) REFERENCES administrative_unit (id),
    CONSTRAINT uk_organisation_name UNIQUE (unit_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- People's accounts. unit_id: a coordinator's scope, a trainee's commune, a trainer's unit.
CREATE TABLE account (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(100) NOT NULL,
    email           VARCHAR(255) NULL,
    phone           VARCHAR(20)  NULL,
    full_name       VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    unit_id         BIGINT       NULL,
    organisation_id BIGINT       NULL,
    trainee_level   VARCHAR(20)  NULL,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP(6) NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_account_username UNIQUE (username),
    CONSTRAINT uk_account_email UNIQUE (email),
    CONSTRAINT uk_account_phone UNIQUE (phone),
    CONSTRAINT fk_account_unit FOREIGN KEY (unit_id) REFERENCES administrative_unit (id),
    CONSTRAINT fk_account_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    INDEX ix_account_role (role, full_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Spring Modulith's event publication registry (JDBC, schema v2); it names the table in capitals.
CREATE TABLE EVENT_PUBLICATION (
    id                     VARCHAR(36)   NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP(6)  NOT NULL,
    completion_date        TIMESTAMP(6)  NULL DEFAULT NULL,
    status                 VARCHAR(20)   NULL,
    completion_attempts    INT           NULL,
    last_resubmission_date TIMESTAMP(6)  NULL,
    INDEX event_publication_by_completion_date_idx (completion_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
