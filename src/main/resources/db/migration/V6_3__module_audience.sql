-- Who may see a module: everyone (the default), or only the trainees of given administrative units and the units
-- below them. An assignment to a unit opens the module to that unit too.
ALTER TABLE curriculum_module ADD COLUMN audience VARCHAR(20) NOT NULL DEFAULT 'EVERYONE';

CREATE TABLE curriculum_module_unit (
    module_id BIGINT NOT NULL,
    unit_id   BIGINT NOT NULL,
    PRIMARY KEY (module_id, unit_id),
    INDEX ix_module_unit_unit (unit_id),
    CONSTRAINT fk_module_unit_module FOREIGN KEY (module_id) REFERENCES curriculum_module (id),
    CONSTRAINT fk_module_unit_unit FOREIGN KEY (unit_id) REFERENCES administrative_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
