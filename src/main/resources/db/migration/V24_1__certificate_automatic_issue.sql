-- Automatic issue on completion: a template may say that its certificates are issued as soon as a trainee completes.
ALTER TABLE certificate_template ADD COLUMN auto_issue BOOLEAN NOT NULL DEFAULT FALSE;

-- A certificate issued automatically has no issuing account: issued_by is null, "the system".
ALTER TABLE certificate MODIFY issued_by BIGINT NULL;

-- A holder who no longer meets the rule after a correction is listed for the coordinator until the certificate is
-- revoked or kept; a kept one is recorded here, with who decided and when.
CREATE TABLE certificate_kept (
    certificate_id BIGINT       NOT NULL PRIMARY KEY,
    kept_by        BIGINT       NOT NULL,
    kept_at        TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_certificate_kept FOREIGN KEY (certificate_id) REFERENCES certificate (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
