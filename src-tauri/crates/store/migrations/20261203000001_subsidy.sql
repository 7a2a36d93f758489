-- The 助成金 paperwork. A 領収書 with its printed total, and each of its lines as typed (every
-- line, also those the program does not pay for: the 内訳書 lists them all). Copies of the
-- 領収書 and of the passbook are kept as PDF (photos are turned into PDF pages when added), so the
-- upload set is made from the database alone and a backup holds everything.
CREATE TABLE subsidy_receipt (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    number      TEXT NOT NULL,
    seller      TEXT NOT NULL,
    issued_on   TEXT NOT NULL,
    total_yen   INTEGER NOT NULL CHECK (total_yen >= 0),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE subsidy_purchase (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    receipt_id      INTEGER NOT NULL REFERENCES subsidy_receipt (id) ON DELETE CASCADE,
    item            TEXT NOT NULL,
    category        TEXT NOT NULL,
    maker_model     TEXT NOT NULL,
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_yen  INTEGER NOT NULL CHECK (unit_price_yen >= 0),
    bought_on       TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX subsidy_purchase_receipt ON subsidy_purchase (receipt_id);

CREATE TABLE subsidy_document (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL CHECK (kind IN ('receipt', 'passbook')),
    receipt_id  INTEGER REFERENCES subsidy_receipt (id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    pdf         BLOB NOT NULL,
    pages       INTEGER NOT NULL CHECK (pages > 0),
    added_at    TEXT NOT NULL,
    CHECK ((kind = 'receipt') = (receipt_id IS NOT NULL))
) STRICT;

-- One row per program (round) the clinic prepares or applied for: whether it applied in an earlier
-- round, what staff confirmed on the passbook copy, and the status with its dates.
CREATE TABLE subsidy_application (
    program_id          TEXT PRIMARY KEY,
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
    updated_at          TEXT NOT NULL
) STRICT;
