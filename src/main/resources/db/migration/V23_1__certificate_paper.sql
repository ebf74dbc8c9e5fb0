-- Certificates issued on paper in past years, brought in by the history import (training hands them to the
-- certificate module through its PaperCertificates port), so that the public verification finds them by number.
-- Kept apart from the certificates issued here: they have no template, no verification code and no PDF.
-- The number is stored as compared (no spaces, capitals) and is unique within its year of issue among paper
-- certificates (offices number again each year); the import also refuses a number an issued certificate carries that year.
CREATE TABLE certificate_paper (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    number      VARCHAR(40)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    issued_on   DATE         NOT NULL,
    class_id    BIGINT       NOT NULL,
    person_id   BIGINT       NOT NULL,
    unit_path   VARCHAR(255) NOT NULL,
    trainee_name VARCHAR(200) NOT NULL,
    birth_year  INT          NULL,
    class_code  VARCHAR(60)  NOT NULL,
    class_title VARCHAR(300) NOT NULL,
    start_date  DATE         NOT NULL,
    end_date    DATE         NOT NULL,
    recorded_at TIMESTAMP(6) NOT NULL,
    issue_year  INT AS (YEAR(issued_on)) PERSISTENT,
    UNIQUE KEY uk_certificate_paper_number (number, issue_year),
    INDEX ix_certificate_paper_class (class_id, person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
