-- Certificates of completion (giấy chứng nhận). The certificate module owns these three tables and names no other
-- module's table in its SQL: what it needs of a class and its trainees it asks training for, and keeps on the
-- certificate as issued (a certificate is a document: it says what was true on the day it was signed).

-- How the certificates of a class look: one per class, or one per programme for the classes under a unit.
CREATE TABLE certificate_template (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    class_id     BIGINT        NULL,
    programme    VARCHAR(255)  NULL,
    unit_id      BIGINT        NOT NULL,
    unit_path    VARCHAR(255)  NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    office_name  VARCHAR(255)  NOT NULL,
    office_code  VARCHAR(20)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    signer_name  VARCHAR(120)  NOT NULL,
    signer_title VARCHAR(200)  NOT NULL,
    place        VARCHAR(120)  NULL,
    wording      VARCHAR(1000) NOT NULL,
    hours        INT           NULL,
    seal         MEDIUMBLOB    NULL,
    seal_type    VARCHAR(20)   NULL,
    updated_at   TIMESTAMP(6)  NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    UNIQUE KEY uk_certificate_template_class (class_id),
    UNIQUE KEY uk_certificate_template_programme (unit_id, programme)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The last number an office gave in a year: the row is locked (SELECT ... FOR UPDATE) by the issuing transaction,
-- so numbers follow each other without gaps and two issuers never get the same one.
CREATE TABLE certificate_counter (
    office_code VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    issue_year  INT         NOT NULL,
    last_number INT         NOT NULL,
    PRIMARY KEY (office_code, issue_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE certificate (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    office_code       VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    issue_year        INT          NOT NULL,
    sequence_number   INT          NOT NULL,
    number            VARCHAR(40)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    verification_code CHAR(20)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    template_id       BIGINT       NOT NULL,
    class_id          BIGINT       NOT NULL,
    person_id         BIGINT       NOT NULL,
    unit_path         VARCHAR(255) NOT NULL,
    trainee_name      VARCHAR(200) NOT NULL,
    birth_year        INT          NULL,
    trainee_unit      VARCHAR(255) NULL,
    class_code        VARCHAR(60)  NOT NULL,
    class_title       VARCHAR(255) NOT NULL,
    programme         VARCHAR(255) NULL,
    start_date        DATE         NOT NULL,
    end_date          DATE         NOT NULL,
    sessions_attended INT          NOT NULL,
    sessions          INT          NOT NULL,
    completed         BOOLEAN      NOT NULL,
    exception_reason  VARCHAR(500) NULL,
    title             VARCHAR(200) NOT NULL,
    office_name       VARCHAR(255) NOT NULL,
    signer_name       VARCHAR(120) NOT NULL,
    signer_title      VARCHAR(200) NOT NULL,
    place             VARCHAR(120) NULL,
    wording           VARCHAR(1000) NOT NULL,
    hours             INT          NULL,
    issued_on         DATE         NOT NULL,
    issued_at         TIMESTAMP(6) NOT NULL,
    issued_by         BIGINT       NOT NULL,
    revoked_at        TIMESTAMP(6) NULL,
    revoked_reason    VARCHAR(500) NULL,
    revoked_by        BIGINT       NULL,
    -- one certificate in force per person and class; a revoked one no longer counts, so a new one may follow
    live_class_id     BIGINT AS (IF(revoked_at IS NULL, class_id, NULL)) PERSISTENT,
    UNIQUE KEY uk_certificate_number (office_code, issue_year, sequence_number),
    UNIQUE KEY uk_certificate_number_text (number, issue_year),
    UNIQUE KEY uk_certificate_code (verification_code),
    UNIQUE KEY uk_certificate_live (live_class_id, person_id),
    INDEX ix_certificate_class (class_id, trainee_name),
    INDEX ix_certificate_person (person_id),
    CONSTRAINT fk_certificate_template FOREIGN KEY (template_id) REFERENCES certificate_template (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
