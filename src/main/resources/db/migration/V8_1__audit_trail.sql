-- Audit trail: who changed what, when, with the old and the new value. Append-only: the portal has no code
-- that edits or deletes entries, and the triggers below refuse it at the database too.
CREATE TABLE audit_change (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    at           TIMESTAMP(6) NOT NULL,
    actor_id     BIGINT NULL,
    actor_name   VARCHAR(200) NOT NULL,
    subject_type VARCHAR(40)  NOT NULL,
    subject_id   BIGINT       NOT NULL,
    subject_label VARCHAR(300) NOT NULL,
    unit_path    VARCHAR(200) NULL,
    action       VARCHAR(40)  NOT NULL,
    INDEX ix_audit_change_at (at),
    INDEX ix_audit_change_scope (unit_path, at),
    INDEX ix_audit_change_subject (subject_type, subject_id, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE audit_change_field (
    change_id BIGINT       NOT NULL,
    position  INT          NOT NULL,
    field     VARCHAR(60)  NOT NULL,
    old_value VARCHAR(2000) NULL,
    new_value VARCHAR(2000) NULL,
    PRIMARY KEY (change_id, position),
    CONSTRAINT fk_audit_field_change FOREIGN KEY (change_id) REFERENCES audit_change (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER audit_change_no_update BEFORE UPDATE ON audit_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'The audit trail is append-only';
CREATE TRIGGER audit_change_no_delete BEFORE DELETE ON audit_change FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'The audit trail is append-only';
CREATE TRIGGER audit_change_field_no_update BEFORE UPDATE ON audit_change_field FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'The audit trail is append-only';
CREATE TRIGGER audit_change_field_no_delete BEFORE DELETE ON audit_change_field FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'The audit trail is append-only';
