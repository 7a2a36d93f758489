-- The 導入ガイド as a wizard: each step's state with its dates (no row = 未着手), what staff
-- entered in its inputs, and the clinic's terminal accounts. The finished steps of the earlier
-- checklist become 完了 steps with the day they were ticked; its last step 業務スタート (go_live)
-- is folded into 運用開始日 (start_date), which is 完了 only when both were ticked (the rule of
-- guide::records_from_done_ids), and its tick is kept as that step's go_live confirmation.
CREATE TABLE wizard_step (
    step        TEXT PRIMARY KEY,
    state       TEXT NOT NULL CHECK (state IN ('in_progress', 'done')),
    started_at  TEXT NOT NULL,
    done_at     TEXT,
    updated_at  TEXT NOT NULL,
    CHECK ((state = 'done') = (done_at IS NOT NULL))
) STRICT;

INSERT INTO wizard_step (step, state, started_at, done_at, updated_at)
    SELECT step, 'done', done_at, done_at, done_at FROM setup_progress
    WHERE step NOT IN ('start_date', 'go_live');

-- One value per input of a step, as validated by the app (a date as YYYY-MM-DD, a yes/no as
-- "yes"/"no", a choice by its id). Never a password: no input asks for one.
CREATE TABLE wizard_value (
    step        TEXT NOT NULL,
    key         TEXT NOT NULL,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (step, key)
) STRICT;

INSERT INTO wizard_step (step, state, started_at, done_at, updated_at)
    SELECT 'start_date',
           CASE WHEN COUNT(*) = 2 THEN 'done' ELSE 'in_progress' END,
           MIN(done_at),
           CASE WHEN COUNT(*) = 2 THEN MAX(done_at) END,
           MAX(done_at)
    FROM setup_progress WHERE step IN ('start_date', 'go_live')
    HAVING COUNT(*) > 0;
INSERT INTO wizard_value (step, key, value, updated_at)
    SELECT 'start_date', 'go_live', 'yes', done_at FROM setup_progress WHERE step = 'go_live';
DROP TABLE setup_progress;

-- The マイナ資格確認アプリ accounts, one per terminal (W0000001…), as listed on the portal.
CREATE TABLE terminal (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    account               TEXT NOT NULL UNIQUE,
    device                TEXT NOT NULL,
    settings_pdf_checked  INTEGER NOT NULL DEFAULT 0 CHECK (settings_pdf_checked IN (0, 1)),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
) STRICT;
