-- Patients the clinic registered, filled from the card's 基本4情報 (after the patient typed the PIN)
-- or typed by staff. Never a 個人番号.
CREATE TABLE patients (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    address     TEXT NOT NULL,
    birth_date  TEXT NOT NULL,
    sex         TEXT NOT NULL CHECK (sex IN ('male', 'female', 'not_applicable', 'unknown')),
    source      TEXT NOT NULL CHECK (source IN ('card', 'staff')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (name, birth_date)
) STRICT;
