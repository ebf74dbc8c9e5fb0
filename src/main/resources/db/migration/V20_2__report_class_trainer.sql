-- issue 14: the reports' own copy of the trainers of each class not cancelled (held or planned), so that the
-- breakdown and the filters by trainer no longer join training's class_trainer. Kept by the summaries' refresh and
-- rebuild from training's read API, like report_class; filled here once, so no rebuild is needed.
CREATE TABLE report_class_trainer (
    class_id   BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (class_id, account_id),
    INDEX ix_report_class_trainer_account (account_id)
) ENGINE = InnoDB;

INSERT INTO report_class_trainer (class_id, account_id)
SELECT ct.class_id, ct.account_id FROM class_trainer ct JOIN training_class c ON c.id = ct.class_id WHERE c.status <> 'CANCELLED';
