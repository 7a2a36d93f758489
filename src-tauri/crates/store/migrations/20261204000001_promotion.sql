-- The 協力金's evidence, as staff record it: each time the poster was up (from, to; no end while
-- it is still up), and per day the flyers handed out and the patients asked (お声がけ). Which of
-- it counts is the program data's rule (programs::grant), never decided here.
CREATE TABLE promotion_poster (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    shown_from  TEXT NOT NULL,
    shown_to    TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (shown_to IS NULL OR shown_to >= shown_from)
) STRICT;

CREATE TABLE promotion_day (
    day         TEXT PRIMARY KEY,
    flyers      INTEGER NOT NULL DEFAULT 0 CHECK (flyers >= 0),
    prompts     INTEGER NOT NULL DEFAULT 0 CHECK (prompts >= 0),
    updated_at  TEXT NOT NULL
) STRICT;
