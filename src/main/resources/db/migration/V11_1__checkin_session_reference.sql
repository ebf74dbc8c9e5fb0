-- The check-in page and its QR code name a session by an unguessable reference instead of its sequential id, so
-- that nobody learns a class's title and dates by counting. 16 random bytes, base64url (22 characters), compared
-- byte for byte (ascii_bin: the table's case-insensitive collation would let "aB" find "Ab").
ALTER TABLE class_session ADD COLUMN checkin_ref VARCHAR(22) CHARACTER SET ascii COLLATE ascii_bin NULL;

UPDATE class_session
SET checkin_ref = REPLACE(REPLACE(REPLACE(TO_BASE64(RANDOM_BYTES(16)), '+', '-'), '/', '_'), '=', '')
WHERE checkin_ref IS NULL;

ALTER TABLE class_session ADD CONSTRAINT uk_session_checkin_ref UNIQUE (checkin_ref);

-- every way a session is created (the application, imports, SQL) gets its reference here
CREATE TRIGGER class_session_checkin_ref BEFORE INSERT ON class_session FOR EACH ROW
    SET NEW.checkin_ref = COALESCE(NEW.checkin_ref,
        REPLACE(REPLACE(REPLACE(TO_BASE64(RANDOM_BYTES(16)), '+', '-'), '/', '_'), '=', ''));
