-- Certificates for online modules. A template may belong to a module (one per module) instead of a class or a
-- programme; a module's certificate has no class (class_id null; class_title carries the module's title), names the
-- module and carries the trainee's quiz score when the module has a quiz. Class certificates are unchanged.
ALTER TABLE certificate_template ADD COLUMN module_id BIGINT NULL;
ALTER TABLE certificate_template ADD UNIQUE KEY uk_certificate_template_module (module_id);

ALTER TABLE certificate MODIFY class_id BIGINT NULL;
ALTER TABLE certificate ADD COLUMN module_id BIGINT NULL;
ALTER TABLE certificate ADD COLUMN quiz_score INT NULL;
-- one certificate in force per person and module, as per person and class
ALTER TABLE certificate ADD COLUMN live_module_id BIGINT AS (IF(revoked_at IS NULL, module_id, NULL)) PERSISTENT;
ALTER TABLE certificate ADD UNIQUE KEY uk_certificate_live_module (live_module_id, person_id);
ALTER TABLE certificate ADD INDEX ix_certificate_module (module_id, trainee_name);
