-- Two people may share a 氏名 and a 生年月日: drop UNIQUE (name, birth_date) so staff can register
-- "another person" after the app asks 「同じ方ですか?」. SQLite cannot drop a constraint, so the
-- table is rebuilt; ids and rows are copied as they are, and the AUTOINCREMENT high-water mark is
-- kept so an id is never reused. sqlx runs this file in one transaction: all of it or none.
CREATE TABLE patients_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    address     TEXT NOT NULL,
    birth_date  TEXT NOT NULL,
    sex         TEXT NOT NULL CHECK (sex IN ('male', 'female', 'not_applicable', 'unknown')),
    source      TEXT NOT NULL CHECK (source IN ('card', 'staff')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

INSERT INTO patients_new (id, name, address, birth_date, sex, source, created_at, updated_at)
SELECT id, name, address, birth_date, sex, source, created_at, updated_at FROM patients ORDER BY id;

DELETE FROM sqlite_sequence WHERE name = 'patients_new';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'patients_new', MAX(seq) FROM (
    SELECT seq FROM sqlite_sequence WHERE name = 'patients'
    UNION ALL
    SELECT MAX(id) FROM patients
) HAVING MAX(seq) IS NOT NULL;

DROP TABLE patients;
ALTER TABLE patients_new RENAME TO patients;

-- The look-up the 同じ方ですか question makes on every registration.
CREATE INDEX patients_name_birth_date ON patients (name, birth_date);
