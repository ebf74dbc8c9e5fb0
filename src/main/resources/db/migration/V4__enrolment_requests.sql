-- A trainee with an account asks to join an open class; a trainer or coordinator decides.
CREATE TABLE enrolment_request (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    class_id    BIGINT       NOT NULL,
    person_id   BIGINT       NOT NULL,
    account_id  BIGINT       NOT NULL,
    status      VARCHAR(12)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    decided_at  TIMESTAMP(6) NULL,
    decided_by  BIGINT       NULL,
    CONSTRAINT fk_request_class FOREIGN KEY (class_id) REFERENCES training_class (id),
    CONSTRAINT fk_request_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_request_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uk_request UNIQUE (class_id, account_id),
    INDEX ix_request_class_status (class_id, status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
