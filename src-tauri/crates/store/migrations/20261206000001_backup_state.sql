-- How the last backup went: one row, written by the app itself after each attempt (not an audit
-- row: it happens every day). ホーム warns when the last attempt failed.
CREATE TABLE backup_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    last_ok_at  TEXT,
    last_error  TEXT
) STRICT;
