-- The 協力金 report's remaining evidence. A photo of the poster as it hung (optional), kept as
-- the prepared JPEG (upright, at most 2000 px) so a backup carries it with its period; and staff's
-- answer per program on whether the clinic is open, not suspended and under 受領委任 on the
-- payment date (a clinic that is not gets nothing; the app cannot know it).
ALTER TABLE promotion_poster ADD COLUMN photo_name TEXT;
ALTER TABLE promotion_poster ADD COLUMN photo_jpeg BLOB;

CREATE TABLE promotion_answer (
    program_id  TEXT PRIMARY KEY,
    in_service  INTEGER NOT NULL CHECK (in_service IN (0, 1)),
    updated_at  TEXT NOT NULL
) STRICT;
