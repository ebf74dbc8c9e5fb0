-- A paper certificate of past years may be revoked (one imported by mistake), as an issued certificate may: it stays,
-- and the verification page and the reports then treat it as no longer in force. Same columns as on certificate.
ALTER TABLE certificate_paper ADD COLUMN revoked_at TIMESTAMP(6) NULL;
ALTER TABLE certificate_paper ADD COLUMN revoked_reason VARCHAR(500) NULL;
ALTER TABLE certificate_paper ADD COLUMN revoked_by BIGINT NULL;
