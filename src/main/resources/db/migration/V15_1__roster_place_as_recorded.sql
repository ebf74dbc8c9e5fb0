-- Who the trainee was for that class: the level, commune, organisation and position written on the class's roster.
-- Officials change level over the years; a participation counts under the level it had then, not under the
-- person's latest record. Places already on rosters take the person's values of today (the best that is known).
ALTER TABLE roster_entry
    ADD COLUMN trainee_level VARCHAR(20)  NULL,
    ADD COLUMN commune_id    BIGINT       NULL,
    ADD COLUMN organisation  VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    ADD COLUMN position      VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    ADD CONSTRAINT fk_roster_commune FOREIGN KEY (commune_id) REFERENCES administrative_unit (id);

UPDATE roster_entry r JOIN person p ON p.id = r.person_id
SET r.trainee_level = p.trainee_level, r.commune_id = p.commune_id, r.organisation = p.organisation, r.position = p.position;
