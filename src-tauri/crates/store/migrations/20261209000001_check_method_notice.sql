-- no-transaction
-- A check can be made with the マイナ保険証 and the 資格情報のお知らせ (when the card cannot be read):
-- the method's CHECK gains 'my_number_card_with_notice'. SQLite cannot change a CHECK, so the table
-- is rebuilt by its documented procedure (foreign keys off outside the transaction, so the 資格情報
-- records that point at a check keep their link; checked before the commit).
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE eligibility_checks_rebuilt (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    checked_at      TEXT NOT NULL,
    local_date      TEXT NOT NULL,
    method          TEXT NOT NULL CHECK (method IN ('my_number_card', 'my_number_card_with_notice', 'eligibility_certificate', 'insurance_card', 'other')),
    result          TEXT NOT NULL CHECK (result IN ('ok', 'warning', 'failed')),
    cert_expires_on TEXT,
    note            TEXT NOT NULL DEFAULT '',
    source          TEXT NOT NULL DEFAULT 'staff' CHECK (source IN ('card_read', 'staff'))
) STRICT;
INSERT INTO eligibility_checks_rebuilt (id, checked_at, local_date, method, result, cert_expires_on, note, source)
    SELECT id, checked_at, local_date, method, result, cert_expires_on, note, source FROM eligibility_checks;
DROP TABLE eligibility_checks;
ALTER TABLE eligibility_checks_rebuilt RENAME TO eligibility_checks;
CREATE INDEX eligibility_checks_local_date ON eligibility_checks (local_date);
COMMIT;
PRAGMA foreign_keys = ON;
