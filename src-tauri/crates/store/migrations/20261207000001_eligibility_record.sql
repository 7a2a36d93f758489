-- 資格情報 staff carried over from the official マイナ資格確認アプリ (typed, or pasted and confirmed),
-- one row per confirmation so a person's record shows its history; the check it was logged with.
-- The minimum only: no image, never a 個人番号.
CREATE TABLE eligibility_record (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    check_id        INTEGER REFERENCES eligibility_checks (id) ON DELETE SET NULL,
    name            TEXT NOT NULL,
    kana            TEXT NOT NULL DEFAULT '',
    birth_date      TEXT,
    sex             TEXT NOT NULL DEFAULT '' CHECK (sex IN ('', '男', '女')),
    insurer_number  TEXT NOT NULL,
    symbol          TEXT NOT NULL DEFAULT '',
    number          TEXT NOT NULL,
    branch          TEXT,
    relation        TEXT CHECK (relation IN ('insured', 'family')),
    burden_percent  INTEGER CHECK (burden_percent IN (10, 20, 30)),
    acquired_on     TEXT,
    valid_until     TEXT,
    confirmed_on    TEXT NOT NULL,
    entry           TEXT NOT NULL CHECK (entry IN ('typed', 'pasted')),
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX eligibility_record_confirmed_on ON eligibility_record (confirmed_on);
CREATE INDEX eligibility_record_person ON eligibility_record (name, birth_date);
