-- The clinic this copy of オン資ナビ belongs to: exactly one row (id = 1).
CREATE TABLE clinic_profile (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('judo', 'ahaki', 'both')),
    reg_no_judo     TEXT,
    reg_no_ahaki    TEXT,
    postal_code     TEXT NOT NULL,
    address         TEXT NOT NULL,
    phone           TEXT NOT NULL,
    owner_name      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

-- Small preferences (staff name, demo mode, ...), one text value per key.
CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- Who changed what when. Append-only: rows are never updated or deleted by the app.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);

-- Progress through the 導入ガイド: a row per step the clinic has finished.
CREATE TABLE setup_progress (
    step        TEXT PRIMARY KEY,
    done_at     TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
) STRICT;

-- One row per patient eligibility check at the counter. Never a 個人番号, never a PIN.
CREATE TABLE eligibility_checks (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    checked_at      TEXT NOT NULL,
    local_date      TEXT NOT NULL,
    method          TEXT NOT NULL CHECK (method IN ('my_number_card', 'eligibility_certificate', 'insurance_card', 'other')),
    result          TEXT NOT NULL CHECK (result IN ('ok', 'warning', 'failed')),
    cert_expires_on TEXT,
    note            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX eligibility_checks_local_date ON eligibility_checks (local_date);
