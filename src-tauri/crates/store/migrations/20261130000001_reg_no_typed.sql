-- Each 登録記号番号 as staff typed it (hyphens kept, e.g. 契2804440-0-0), for printing on forms.
-- reg_no_judo / reg_no_ahaki keep the form the portal asks for (no hyphens). A profile saved
-- before this migration shows its portal form until it is saved again.
ALTER TABLE clinic_profile ADD COLUMN reg_no_judo_typed TEXT;
ALTER TABLE clinic_profile ADD COLUMN reg_no_ahaki_typed TEXT;
UPDATE clinic_profile SET reg_no_judo_typed = reg_no_judo, reg_no_ahaki_typed = reg_no_ahaki;
