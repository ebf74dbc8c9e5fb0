-- Who may change which curriculum. A programme's owner unit: null for the national curricula (administrators
-- only), otherwise the unit whose coordinators manage it. Its authors: the trainers and coordinators named for it,
-- who write its modules and lessons. Nobody else writes curriculum content.
ALTER TABLE curriculum_programme
    ADD COLUMN owner_unit_id BIGINT NULL,
    ADD CONSTRAINT fk_programme_owner_unit FOREIGN KEY (owner_unit_id) REFERENCES administrative_unit (id);

CREATE TABLE curriculum_programme_author (
    programme_id BIGINT       NOT NULL,
    account_id   BIGINT       NOT NULL,
    granted_by   VARCHAR(200) NOT NULL,
    granted_at   TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (programme_id, account_id),
    CONSTRAINT fk_author_programme FOREIGN KEY (programme_id) REFERENCES curriculum_programme (id),
    CONSTRAINT fk_author_account FOREIGN KEY (account_id) REFERENCES account (id),
    INDEX ix_author_account (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who published each edition (the account whose publishing or change made it); null for editions kept before.
ALTER TABLE curriculum_module_edition
    ADD COLUMN published_by_id BIGINT NULL,
    ADD COLUMN published_by VARCHAR(200) NULL;
