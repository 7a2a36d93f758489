-- A clinic registered separately for 柔整 and あはき (two 登録記号番号) applies separately for the
-- 助成金 (a vendor's FAQ; one 併設 registration applies once). Each 領収書 and passbook copy now
-- belongs to one application, and an application is keyed by program and applicant: '' for the
-- clinic's first registration (what every row so far belongs to), 'second' for its second.
ALTER TABLE subsidy_receipt ADD COLUMN applicant TEXT NOT NULL DEFAULT '' CHECK (applicant IN ('', 'second'));
ALTER TABLE subsidy_document ADD COLUMN applicant TEXT NOT NULL DEFAULT '' CHECK (applicant IN ('', 'second'));

CREATE TABLE subsidy_application_by_applicant (
    program_id          TEXT NOT NULL,
    applicant           TEXT NOT NULL DEFAULT '' CHECK (applicant IN ('', 'second')),
    applied_before      INTEGER NOT NULL DEFAULT 0 CHECK (applied_before IN (0, 1)),
    passbook_bank       INTEGER NOT NULL DEFAULT 0 CHECK (passbook_bank IN (0, 1)),
    passbook_branch     INTEGER NOT NULL DEFAULT 0 CHECK (passbook_branch IN (0, 1)),
    passbook_kind       INTEGER NOT NULL DEFAULT 0 CHECK (passbook_kind IN (0, 1)),
    passbook_number     INTEGER NOT NULL DEFAULT 0 CHECK (passbook_number IN (0, 1)),
    passbook_holder     INTEGER NOT NULL DEFAULT 0 CHECK (passbook_holder IN (0, 1)),
    status              TEXT NOT NULL DEFAULT 'preparing'
                        CHECK (status IN ('preparing', 'ready', 'applied', 'granted', 'paid')),
    ready_at            TEXT,
    applied_on          TEXT,
    granted_on          TEXT,
    paid_on             TEXT,
    updated_at          TEXT NOT NULL,
    PRIMARY KEY (program_id, applicant)
) STRICT;

INSERT INTO subsidy_application_by_applicant (program_id, applicant, applied_before, passbook_bank, passbook_branch,
        passbook_kind, passbook_number, passbook_holder, status, ready_at, applied_on, granted_on, paid_on, updated_at)
    SELECT program_id, '', applied_before, passbook_bank, passbook_branch, passbook_kind, passbook_number,
        passbook_holder, status, ready_at, applied_on, granted_on, paid_on, updated_at
    FROM subsidy_application;
DROP TABLE subsidy_application;
ALTER TABLE subsidy_application_by_applicant RENAME TO subsidy_application;

CREATE INDEX subsidy_receipt_applicant ON subsidy_receipt (applicant);
