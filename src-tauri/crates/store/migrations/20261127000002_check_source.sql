-- Where a check's result came from: the app's own card read ('card_read') or staff typing what the
-- official マイナ資格確認アプリ or a paper card showed ('staff'). The UI says which.
ALTER TABLE eligibility_checks ADD COLUMN source TEXT NOT NULL DEFAULT 'staff' CHECK (source IN ('card_read', 'staff'));
