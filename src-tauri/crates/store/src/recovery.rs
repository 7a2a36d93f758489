//! The 復元コード: the key of every backup generation and moved-data file. The app makes it
//! when staff first choose a backup folder, shows it until staff say it is kept (printed as the
//! A4 「バックアップの復元コード」 sheet for the clinic's safe), and keeps it on this PC so the
//! daily backup never asks. A new PC asks for it once, when a file is restored or read in.
//!
//! The code is 30 characters (6 groups of 5) drawn uniformly from 32 letters and digits without
//! the look-alikes 0, O, 1 and I: 150 bits from the OS's random source, so no key stretching is
//! needed for it to resist guessing, and nobody can choose a weak one. Staff may type it in
//! full-width, in lower case, with or without the hyphens and spaces between groups.
//!
//! Where this PC keeps it ([`CodeKeeper`]): on Windows in the user's Credential Manager (the
//! `keyring` crate: protected by Windows with the user's logon, out of the data folder a copy of
//! which might travel); where no credential store answers (Linux, where a Secret Service over
//! D-Bus is often missing, as under CI), in a file in the data folder that only the user can read
//! (mode 0600, written whole under a temporary name). Either way it is never in the database, so
//! it is never inside a backup, and a restore does not change it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::StoreError;
use crate::clinic::FieldIssue;

/// The letters and digits of a code: no 0, O, 1 or I, which read alike on paper. 32 of them, so
/// each random byte's low 5 bits pick one uniformly.
pub const ALPHABET: &str = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// Groups in a code.
pub const GROUPS: usize = 6;
/// Characters in a group.
pub const GROUP_LEN: usize = 5;
const LENGTH: usize = GROUPS * GROUP_LEN;
/// The field the typed code is checked for, in the UI's forms.
pub const FIELD: &str = "recoveryCode";

/// A well-formed 復元コード. Its `Debug` never shows it, so it cannot reach a log by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode(String);

impl std::fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryCode(…)")
    }
}

impl RecoveryCode {
    /// A new code from the OS's random source.
    pub fn generate() -> Result<RecoveryCode, StoreError> {
        let mut bytes = [0_u8; LENGTH];
        getrandom::fill(&mut bytes).map_err(|e| StoreError::CorruptData(format!("no random source: {e}")))?;
        let alphabet = ALPHABET.as_bytes();
        Ok(RecoveryCode(bytes.iter().map(|b| char::from(alphabet[usize::from(b & 31)])).collect()))
    }

    /// The code staff typed, folded (full-width to half-width, lower to upper case, the hyphens,
    /// dashes and spaces between groups dropped) and checked. The error is the field's message.
    pub fn parse(typed: &str) -> Result<RecoveryCode, FieldIssue> {
        let issue = |message: String| FieldIssue::new(FIELD, message);
        // Folded as every digit-shaped field is (全角 to half-width, each dash to `-`), then the
        // separators between groups dropped.
        let folded: String = jptext::normalize_digits_field(typed)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if folded.is_empty() {
            return Err(issue(
                "復元コードを入力してください(「バックアップの復元コード」の用紙にある30文字です)".into(),
            ));
        }
        if let Some(c) = folded.chars().find(|c| !ALPHABET.contains(*c)) {
            let message = if matches!(c, '0' | 'O' | '1' | 'I') {
                "復元コードには 0(ゼロ)・O(オー)・1(イチ)・I(アイ)は使われていません。用紙の文字をもう一度確かめてください"
                    .to_string()
            } else {
                format!("復元コードに使われない文字「{c}」があります。英字と数字だけを入力してください")
            };
            return Err(issue(message));
        }
        let n = folded.chars().count();
        if n != LENGTH {
            return Err(issue(format!(
                "復元コードは{LENGTH}文字({GROUP_LEN}文字ずつ{GROUPS}組)です。いま{n}文字です。用紙と見比べてください"
            )));
        }
        Ok(RecoveryCode(folded))
    }

    /// As printed and shown: `ABCDE-FGHJK-…`, six groups joined by hyphens. This form is also the
    /// password of the files, so a maintainer opening one with 7-Zip types what the sheet shows.
    pub fn printed(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        chars.chunks(GROUP_LEN).map(|g| g.iter().collect::<String>()).collect::<Vec<_>>().join("-")
    }
}

/// The code this PC uses, when it was made, and whether staff said it is kept safe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptCode {
    /// The code
    pub code: RecoveryCode,
    /// When it was made (or first used on this PC)
    pub issued_at: DateTime<Utc>,
    /// Staff said the sheet is printed and kept; until then the screen shows the code
    pub acknowledged: bool,
}

/// The stored form.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Stored {
    code: String,
    issued_at: String,
    acknowledged: bool,
}

impl KeptCode {
    fn to_stored(&self) -> String {
        let stored = Stored {
            code: self.code.0.clone(),
            issued_at: crate::timestamp(self.issued_at),
            acknowledged: self.acknowledged,
        };
        serde_json::to_string(&stored).unwrap_or_default()
    }

    fn from_stored(text: &str) -> Result<KeptCode, StoreError> {
        let bad = |what: &str| StoreError::CorruptData(format!("the kept 復元コード: {what}"));
        let stored: Stored = serde_json::from_str(text).map_err(|_| bad("not readable"))?;
        let code = RecoveryCode::parse(&stored.code).map_err(|_| bad("not a code"))?;
        let issued_at = crate::parse_timestamp(&stored.issued_at).map_err(|_| bad("no date"))?;
        Ok(KeptCode { code, issued_at, acknowledged: stored.acknowledged })
    }
}

/// Where this PC keeps the code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum KeptIn {
    /// Windows' Credential Manager (資格情報マネージャー)
    CredentialManager,
    /// A file in the data folder only this user can read
    UserOnlyFile,
}

/// What the backup screen says of the code. The code itself is in it only until staff say the
/// sheet is kept: after that no screen shows it again (a lost sheet means a new code).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryState {
    /// The code, as printed, while staff have not yet said the sheet is kept
    pub code_to_keep: Option<String>,
    /// When the code in use was made, 和暦 with 西暦; `None` before the first backup folder
    pub issued_text: Option<String>,
}

impl RecoveryState {
    /// The state of what `keeper` keeps.
    pub fn of(kept: Option<&KeptCode>) -> RecoveryState {
        RecoveryState {
            code_to_keep: kept.filter(|k| !k.acknowledged).map(|k| k.code.printed()),
            issued_text: kept.map(|k| jptext::format_date(k.issued_at.with_timezone(&chrono::Local).date_naive())),
        }
    }
}

/// The file the code is kept in where no credential store answers.
pub const CODE_FILE: &str = "backup-recovery-code.json";

/// Keeps the code of the data folder `data_dir` on this PC.
#[derive(Clone, Debug)]
pub struct CodeKeeper {
    data_dir: PathBuf,
}

impl CodeKeeper {
    /// The keeper for the data folder `data_dir` (each data folder has its own code).
    pub fn new(data_dir: &Path) -> CodeKeeper {
        CodeKeeper { data_dir: data_dir.to_path_buf() }
    }

    fn file(&self) -> PathBuf {
        self.data_dir.join(CODE_FILE)
    }

    /// The code kept, if any.
    pub fn load(&self) -> Result<Option<KeptCode>, StoreError> {
        if let Some(text) = credential::load(&self.data_dir) {
            return KeptCode::from_stored(&text).map(Some);
        }
        match std::fs::read_to_string(self.file()) {
            Ok(text) => KeptCode::from_stored(&text).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::DataDir { path: self.file(), source: e }),
        }
    }

    /// Keeps `kept` (replacing any code kept before); says where.
    pub fn save(&self, kept: &KeptCode) -> Result<KeptIn, StoreError> {
        let text = kept.to_stored();
        if credential::save(&self.data_dir, &text) {
            // A file left from a PC where the store was missing would be read by no one; gone.
            let _ = std::fs::remove_file(self.file());
            return Ok(KeptIn::CredentialManager);
        }
        self.save_file(&text)?;
        Ok(KeptIn::UserOnlyFile)
    }

    /// Writes the file under a temporary name made only for this user (mode 0600 on Unix:
    /// `tempfile` makes it so) and renames it into place after fsync.
    fn save_file(&self, text: &str) -> Result<(), StoreError> {
        use std::io::Write;
        let io = |e: std::io::Error| StoreError::DataDir { path: self.file(), source: e };
        std::fs::create_dir_all(&self.data_dir).map_err(io)?;
        let mut tmp = tempfile::Builder::new().prefix(".recovery-code-").tempfile_in(&self.data_dir).map_err(io)?;
        tmp.write_all(text.as_bytes()).map_err(io)?;
        tmp.as_file().sync_all().map_err(io)?;
        tmp.persist(self.file()).map_err(|e| io(e.error))?;
        Ok(())
    }

    /// The code kept, or a new one made and kept now (the first time a backup folder is chosen).
    /// The second value is true when it was made now.
    pub fn ensure(&self, now: DateTime<Utc>) -> Result<(KeptCode, bool), StoreError> {
        if let Some(kept) = self.load()? {
            return Ok((kept, false));
        }
        let kept = KeptCode { code: RecoveryCode::generate()?, issued_at: now, acknowledged: false };
        self.save(&kept)?;
        Ok((kept, true))
    }

    /// Replaces the code with a new one (staff lost the sheet). Generations already written keep
    /// needing the old code.
    pub fn renew(&self, now: DateTime<Utc>) -> Result<KeptCode, StoreError> {
        let kept = KeptCode { code: RecoveryCode::generate()?, issued_at: now, acknowledged: false };
        self.save(&kept)?;
        Ok(kept)
    }

    /// Staff said the sheet is printed and kept: the screen stops showing the code.
    pub fn acknowledge(&self) -> Result<(), StoreError> {
        match self.load()? {
            Some(mut kept) if !kept.acknowledged => {
                kept.acknowledged = true;
                self.save(&kept).map(|_| ())
            }
            _ => Ok(()),
        }
    }

    /// A code staff typed opened a file on this PC, which keeps none yet (a new PC): it becomes
    /// this PC's code, already on the sheet they hold, so later backups open with it too.
    pub fn adopt(&self, code: &RecoveryCode, now: DateTime<Utc>) -> Result<(), StoreError> {
        if self.load()?.is_none() {
            self.save(&KeptCode { code: code.clone(), issued_at: now, acknowledged: true })?;
        }
        Ok(())
    }
}

/// Windows' Credential Manager, through `keyring`. Each data folder has its own entry.
#[cfg(windows)]
mod credential {
    use std::path::Path;

    const SERVICE: &str = "オン資ナビ バックアップの復元コード";

    fn entry(data_dir: &Path) -> Option<keyring::Entry> {
        keyring::Entry::new(SERVICE, &data_dir.display().to_string()).ok()
    }

    /// The stored text, or `None` when there is none or the store does not answer.
    pub(super) fn load(data_dir: &Path) -> Option<String> {
        entry(data_dir)?.get_password().ok()
    }

    /// Whether the store took it.
    pub(super) fn save(data_dir: &Path, text: &str) -> bool {
        match entry(data_dir).map(|e| e.set_password(text)) {
            Some(Ok(())) => true,
            Some(Err(e)) => {
                tracing::warn!("the credential store refused the recovery code ({e}); kept in the data folder");
                false
            }
            None => false,
        }
    }
}

/// No credential store is used off Windows (the app's clinics run Windows; this is the
/// development and CI build): the file keeps the code.
#[cfg(not(windows))]
mod credential {
    use std::path::Path;

    pub(super) fn load(_data_dir: &Path) -> Option<String> {
        None
    }

    pub(super) fn save(_data_dir: &Path, _text: &str) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_thirty_characters_of_the_alphabet_in_six_groups() {
        let code = RecoveryCode::generate().expect("random");
        let printed = code.printed();
        assert_eq!(printed.len(), 35, "{printed}");
        assert_eq!(printed.split('-').count(), GROUPS);
        assert!(printed.chars().all(|c| c == '-' || ALPHABET.contains(c)));
        assert_ne!(code, RecoveryCode::generate().expect("random"), "two codes differ");
        assert_eq!(format!("{code:?}"), "RecoveryCode(…)", "never shown by Debug");
    }

    #[test]
    fn typed_codes_are_folded_and_checked() {
        let code = RecoveryCode::parse("ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567").expect("printed form");
        for typed in [
            "abcde fghjk lmnpq rstuv wxyz2 34567",
            "ＡＢＣＤＥ－ＦＧＨＪＫ－ＬＭＮＰＱ－ＲＳＴＵＶ－ＷＸＹＺ２－３４５６７",
            "ABCDEFGHJKLMNPQRSTUVWXYZ234567",
            " ABCDE‐FGHJK‐LMNPQ‐RSTUV‐WXYZ2‐34567 ",
        ] {
            assert_eq!(RecoveryCode::parse(typed).expect(typed), code, "{typed}");
        }
        let message = |typed: &str| RecoveryCode::parse(typed).expect_err(typed).message;
        assert!(message("").contains("入力してください"));
        assert!(message("ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-3456O").contains("O(オー)"));
        assert!(message("ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-3456あ").contains("「あ」"));
        assert!(message("ABCDE-FGHJK").contains("いま10文字"));
        assert_eq!(RecoveryCode::parse("x").expect_err("short").field, FIELD);
    }

    #[test]
    fn the_keeper_makes_one_code_keeps_it_and_adopts_only_on_a_new_pc() {
        let dir = tempfile::tempdir().expect("tempdir");
        let keeper = CodeKeeper::new(dir.path());
        let now = Utc::now();
        assert!(keeper.load().expect("load").is_none());
        let (first, made) = keeper.ensure(now).expect("ensure");
        assert!(made && !first.acknowledged);
        let (again, made) = keeper.ensure(now).expect("ensure");
        assert!(!made);
        assert_eq!(again.code, first.code, "kept, not made again");
        keeper.acknowledge().expect("ack");
        assert!(keeper.load().expect("load").expect("kept").acknowledged);
        let other = RecoveryCode::generate().expect("random");
        keeper.adopt(&other, now).expect("adopt");
        assert_eq!(keeper.load().expect("load").expect("kept").code, first.code, "a PC with a code keeps it");
        let renewed = keeper.renew(now).expect("renew");
        assert_ne!(renewed.code, first.code);
        assert!(!renewed.acknowledged, "a new code is shown until kept");

        let fresh = tempfile::tempdir().expect("tempdir");
        let new_pc = CodeKeeper::new(fresh.path());
        new_pc.adopt(&other, now).expect("adopt");
        let adopted = new_pc.load().expect("load").expect("kept");
        assert!(adopted.code == other && adopted.acknowledged, "a new PC takes the code that opened its data");
    }

    #[cfg(unix)]
    #[test]
    fn off_windows_the_code_is_in_a_file_only_the_user_can_read() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let keeper = CodeKeeper::new(dir.path());
        let (kept, _) = keeper.ensure(Utc::now()).expect("ensure");
        assert_eq!(keeper.save(&kept).expect("save"), KeptIn::UserOnlyFile);
        let mode = std::fs::metadata(dir.path().join(CODE_FILE)).expect("file").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }

    #[cfg(windows)]
    #[test]
    fn on_windows_the_code_is_in_the_credential_manager() {
        let dir = tempfile::tempdir().expect("tempdir");
        let keeper = CodeKeeper::new(dir.path());
        let (kept, _) = keeper.ensure(Utc::now()).expect("ensure");
        assert_eq!(keeper.save(&kept).expect("save"), KeptIn::CredentialManager);
        assert!(!dir.path().join(CODE_FILE).exists(), "not in the data folder");
        assert_eq!(keeper.load().expect("load").expect("kept").code, kept.code);
    }
}
