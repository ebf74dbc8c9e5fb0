-- Curricula: programme -> topic group -> topic -> module -> lesson (-> quiz questions and options).
-- search_text columns hold the title (and summary) lower-case without Vietnamese diacritics (đ -> d), written by
-- the application, so that "chuyen doi so" finds "Chuyển đổi số" with a plain LIKE.
CREATE TABLE curriculum_programme (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code            VARCHAR(40)  NOT NULL,
    title           VARCHAR(300) NOT NULL,
    decision_number VARCHAR(60)  NULL,
    decision_date   DATE         NULL,
    period_from     INT          NULL,
    period_to       INT          NULL,
    status          VARCHAR(20)  NOT NULL,
    description     TEXT         NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_programme_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE curriculum_topic_group (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    programme_id BIGINT       NOT NULL,
    number       VARCHAR(10)  NOT NULL,
    title        VARCHAR(300) NOT NULL,
    position     INT          NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_group_programme FOREIGN KEY (programme_id) REFERENCES curriculum_programme (id),
    CONSTRAINT uk_group_number UNIQUE (programme_id, number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE curriculum_topic (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    group_id     BIGINT       NOT NULL,
    programme_id BIGINT       NOT NULL,
    number       INT          NOT NULL,
    title        VARCHAR(400) NOT NULL,
    description  TEXT         NULL,
    illustrative BOOLEAN      NOT NULL DEFAULT FALSE,
    search_text  VARCHAR(400) NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_topic_group FOREIGN KEY (group_id) REFERENCES curriculum_topic_group (id),
    CONSTRAINT fk_topic_programme FOREIGN KEY (programme_id) REFERENCES curriculum_programme (id),
    CONSTRAINT uk_topic_number UNIQUE (programme_id, number),
    INDEX ix_topic_search (search_text)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An online module (học phần). version counts published editions: enrolments remember the one they were for.
CREATE TABLE curriculum_module (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    topic_id     BIGINT        NOT NULL,
    programme_id BIGINT        NOT NULL,
    title        VARCHAR(300)  NOT NULL,
    summary      TEXT          NULL,
    status       VARCHAR(20)   NOT NULL,
    content_version INT        NOT NULL DEFAULT 1,
    published_at TIMESTAMP(6)  NULL,
    search_text  VARCHAR(1000) NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_module_topic FOREIGN KEY (topic_id) REFERENCES curriculum_topic (id),
    CONSTRAINT fk_module_programme FOREIGN KEY (programme_id) REFERENCES curriculum_programme (id),
    INDEX ix_module_search (search_text(255)),
    INDEX ix_module_catalog (status, programme_id, title)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE curriculum_module_level (
    module_id BIGINT      NOT NULL,
    level     VARCHAR(20) NOT NULL,
    PRIMARY KEY (module_id, level),
    INDEX ix_module_level (level, module_id),
    CONSTRAINT fk_level_module FOREIGN KEY (module_id) REFERENCES curriculum_module (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A lesson: text (Markdown in content), video or document (an uploaded file), or quiz (settings here, questions below).
CREATE TABLE curriculum_lesson (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    module_id     BIGINT       NOT NULL,
    position      INT          NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    title         VARCHAR(300) NOT NULL,
    required      BOOLEAN      NOT NULL DEFAULT TRUE,
    content       MEDIUMTEXT   NULL,
    pass_mark     INT          NULL,
    attempt_limit INT          NULL,
    shuffle       BOOLEAN      NOT NULL DEFAULT FALSE,
    feedback_mode VARCHAR(20)  NULL,
    -- the uploaded file of a video or document lesson, in the file storage
    file_key      VARCHAR(60)  NULL,
    file_name     VARCHAR(255) NULL,
    file_type     VARCHAR(60)  NULL,
    file_size     BIGINT       NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_lesson_module FOREIGN KEY (module_id) REFERENCES curriculum_module (id),
    INDEX ix_lesson_module (module_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE curriculum_question (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lesson_id   BIGINT       NOT NULL,
    position    INT          NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    text        TEXT         NOT NULL,
    explanation TEXT         NULL,
    CONSTRAINT fk_question_lesson FOREIGN KEY (lesson_id) REFERENCES curriculum_lesson (id),
    INDEX ix_question_lesson (lesson_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE curriculum_option (
    question_id BIGINT       NOT NULL,
    position    INT          NOT NULL,
    text        VARCHAR(1000) NOT NULL,
    correct     BOOLEAN      NOT NULL,
    PRIMARY KEY (question_id, position),
    CONSTRAINT fk_option_question FOREIGN KEY (question_id) REFERENCES curriculum_question (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Online learning: one enrolment per trainee and module, progress per lesson, quiz attempts.
CREATE TABLE learning_enrolment (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id        BIGINT       NOT NULL,
    module_id         BIGINT       NOT NULL,
    module_version    INT          NOT NULL,
    enrolled_at       TIMESTAMP(6) NOT NULL,
    last_lesson_id    BIGINT       NULL,
    completed_on      DATE         NULL,
    completed_version INT          NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_enrolment UNIQUE (account_id, module_id),
    CONSTRAINT fk_enrolment_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_enrolment_module FOREIGN KEY (module_id) REFERENCES curriculum_module (id),
    INDEX ix_enrolment_module (module_id, completed_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE learning_lesson_progress (
    enrolment_id BIGINT       NOT NULL,
    lesson_id    BIGINT       NOT NULL,
    done_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (enrolment_id, lesson_id),
    CONSTRAINT fk_progress_enrolment FOREIGN KEY (enrolment_id) REFERENCES learning_enrolment (id),
    CONSTRAINT fk_progress_lesson FOREIGN KEY (lesson_id) REFERENCES curriculum_lesson (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE learning_quiz_attempt (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enrolment_id  BIGINT       NOT NULL,
    lesson_id     BIGINT       NOT NULL,
    number        INT          NOT NULL,
    started_at    TIMESTAMP(6) NOT NULL,
    submitted_at  TIMESTAMP(6) NULL,
    score_percent INT          NULL,
    passed        BOOLEAN      NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_attempt_number UNIQUE (enrolment_id, lesson_id, number),
    CONSTRAINT fk_attempt_enrolment FOREIGN KEY (enrolment_id) REFERENCES learning_enrolment (id),
    CONSTRAINT fk_attempt_lesson FOREIGN KEY (lesson_id) REFERENCES curriculum_lesson (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Where a trainee stopped in a video, to resume there on any device.
CREATE TABLE learning_media_position (
    enrolment_id     BIGINT NOT NULL,
    lesson_id        BIGINT NOT NULL,
    position_seconds INT    NOT NULL,
    PRIMARY KEY (enrolment_id, lesson_id),
    CONSTRAINT fk_position_enrolment FOREIGN KEY (enrolment_id) REFERENCES learning_enrolment (id),
    CONSTRAINT fk_position_lesson FOREIGN KEY (lesson_id) REFERENCES curriculum_lesson (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
