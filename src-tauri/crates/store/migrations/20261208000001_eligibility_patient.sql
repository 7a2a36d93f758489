-- A 資格情報 record belongs to the patient of the 患者台帳 it was entered for (the one the card's
-- 基本4情報 created), so the record is reached from the patient and the patient's history is its
-- records, never a namesake's. Records typed without a patient stay unlinked (NULL). Deleting a
-- patient keeps the records (the link goes): retention of records is its own setting.
ALTER TABLE eligibility_record ADD COLUMN patient_id INTEGER REFERENCES patients (id) ON DELETE SET NULL;
CREATE INDEX eligibility_record_patient ON eligibility_record (patient_id, confirmed_on);
