-- Every published edition of a module, as it was: a change to a published module makes a new edition, and the
-- content of the one before is kept here, so a completion can be shown against the content it was for.
-- content is JSON written by the application (title, summary, lessons with their text, file and quiz). Modules
-- published before this table existed get the row of their current edition before their first change.
CREATE TABLE curriculum_module_edition (
    module_id       BIGINT       NOT NULL,
    content_version INT          NOT NULL,
    recorded_at     TIMESTAMP(6) NOT NULL,
    title           VARCHAR(300) NOT NULL,
    content         MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (module_id, content_version),
    CONSTRAINT fk_edition_module FOREIGN KEY (module_id) REFERENCES curriculum_module (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

