-- Certificates in force as a counter of the reports ("Giấy chứng nhận"), by every dimension of the other counters.
-- report_certificate is the reports' own copy of the certificates in force that belong to a class, kept from
-- certificate's events (CertificateIssued, CertificateRevoked) and, for a rebuild, from its read API (CertificateFeed):
-- the reports name no table of the certificate module. paper: a certificate issued on paper in past years (its id is
-- then of those). Each class-person row carries how many of them it holds, and the cells the sum.
CREATE TABLE report_certificate (
    paper          BOOLEAN NOT NULL,
    certificate_id BIGINT  NOT NULL,
    class_id       BIGINT  NOT NULL,
    person_id      BIGINT  NOT NULL,
    issued_on      DATE    NOT NULL,
    PRIMARY KEY (paper, certificate_id),
    INDEX ix_report_certificate_class (class_id, person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE report_participation
    ADD COLUMN certificates INT NOT NULL DEFAULT 0;
ALTER TABLE report_cell
    ADD COLUMN certificates BIGINT NOT NULL DEFAULT 0;

-- Summaries are derived data: empty them, the portal rebuilds them (certificates included) when it starts (RebuildOnStart).
DELETE FROM report_pending;
DELETE FROM report_cell;
DELETE FROM report_participation;
DELETE FROM report_class;
DELETE FROM report_class_trainer;
DELETE FROM report_planned_level;
DELETE FROM report_planned_class;
DELETE FROM report_online;
DELETE FROM report_unit_map;
