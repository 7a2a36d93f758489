//! 設定 → データのバックアップ: the screen's overview (the folder, how the last backup went, the
//! generations, the 復元コード), a backup sealed with this PC's code (made the first time), the
//! code's sheet, and the generations' preview and restore with this PC's code or a typed one.
//! `store::backup` writes, checks and rebuilds; this decides what the screen gets.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, Utc};
use serde::Serialize;
use specta::Type;
use store::Store;
use store::backup::{BackupState, BackupSummary, Generation};
use store::recovery::{CodeKeeper, RecoveryState};
use store::sealed::Codes;

use crate::Error;

/// The backup screen: the settings, how the last backup went, and the generations there.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupOverview {
    /// Folder, generations kept, last success or failure
    pub state: BackupState,
    /// The generations in the folder, newest first
    pub generations: Vec<Generation>,
    /// Why the folder could not be listed (a drive not plugged in), when it could not
    pub folder_problem: Option<String>,
    /// The 復元コード: shown until its sheet is kept, and when it was made
    pub recovery: RecoveryState,
}

/// The overview as it stands at `now`.
pub async fn overview(store: &Store, keeper: &CodeKeeper, now: DateTime<Utc>) -> Result<BackupOverview, Error> {
    let backup_state = store.backup_state(now).await?;
    let (generations, folder_problem) = match store.backup_settings().await?.0 {
        Some(folder) => match store::backup::generations(&folder) {
            Ok(list) => (list, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        },
        None => (Vec::new(), None),
    };
    let recovery = RecoveryState::of(keeper.load()?.as_ref());
    Ok(BackupOverview { state: backup_state, generations, folder_problem, recovery })
}

/// Takes a generation into the chosen folder, sealed with this PC's 復元コード (made now if none
/// was), and records how it went (ホーム warns on a failure).
pub async fn back_up(store: &Store, keeper: &CodeKeeper, now: DateTime<Utc>) -> Result<Generation, Error> {
    let (folder, keep) = store.backup_settings().await?;
    let folder = folder.ok_or(Error::BackupFolderNotChosen)?;
    let (kept, _) = keeper.ensure(now)?;
    let outcome = store.back_up(&folder, keep, &kept.code, now).await;
    let recorded = store.record_backup(outcome.as_ref().map(|_| ()).map_err(ToString::to_string), now).await;
    let generation = outcome?;
    recorded?;
    Ok(generation)
}

/// Keeps the folder staff chose and makes the 復元コード the first time a folder is chosen.
pub async fn choose_folder(
    store: &Store,
    keeper: &CodeKeeper,
    folder: &Path,
    now: DateTime<Utc>,
) -> Result<BackupOverview, Error> {
    let actor = store.actor().await?;
    store.set_backup_folder(folder, &actor, now).await?;
    keeper.ensure(now)?;
    overview(store, keeper, now).await
}

/// The 「バックアップの復元コード」 sheet of the code still to keep (refused once staff said it
/// is kept: the code is never shown again).
pub async fn recovery_sheet(store: &Store, keeper: &CodeKeeper) -> Result<forms::RecoverySheet, Error> {
    let kept = keeper.load()?.filter(|k| !k.acknowledged).ok_or(Error::NoRecoveryCodeToPrint)?;
    Ok(forms::RecoverySheet {
        code: kept.code.printed(),
        clinic_name: store.clinic_profile().await?.map(|p| p.name).unwrap_or_default(),
        backup_folder: store.backup_settings().await?.0.map(|f| f.display().to_string()).unwrap_or_default(),
        issued_on: kept.issued_at.with_timezone(&Local).date_naive(),
    })
}

/// The codes a file is opened with: `typed` when staff typed one, else this PC's.
pub fn codes<'a>(keeper: &'a CodeKeeper, typed: Option<&'a str>) -> Codes<'a> {
    Codes { keeper, typed: typed.filter(|t| !t.trim().is_empty()) }
}

/// Where generations are looked for: the folder picked on the start-up screen, else 設定's.
pub async fn generations_folder(rescue: Option<PathBuf>, store: Option<&Store>) -> Result<PathBuf, Error> {
    if let Some(folder) = rescue {
        return Ok(folder);
    }
    match store {
        Some(store) => store.backup_settings().await?.0.ok_or(Error::BackupFolderNotChosen),
        None => Err(Error::BackupFolderNotChosen),
    }
}

/// The folder staff picked on the start-up screen as the backup folder: picking the
/// 「オン資ナビのバックアップ」 folder itself counts as picking the folder holding it.
pub fn rescue_folder(picked: PathBuf) -> PathBuf {
    match picked.parent() {
        Some(parent) if picked.file_name().is_some_and(|n| n == store::backup::BACKUP_FOLDER) => parent.to_path_buf(),
        _ => picked,
    }
}

/// The generations in a folder picked when the database could not be opened.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RescueView {
    /// The folder picked
    pub folder: String,
    /// Its generations, newest first
    pub generations: Vec<Generation>,
}

/// What the start-up error screen lists for the folder staff `picked`, with the folder the
/// generations are then read from (see [`rescue_folder`]).
pub fn rescue(picked: PathBuf) -> Result<(PathBuf, RescueView), Error> {
    let folder = rescue_folder(picked);
    let generations = store::backup::generations(&folder)?;
    Ok((folder.clone(), RescueView { folder: folder.display().to_string(), generations }))
}

/// Confirms the import waiting in `data_dir`: it takes effect at the next start. Nothing waiting
/// (dropped at a start meanwhile) is [`Error::NothingToRestore`].
pub fn confirm_import(data_dir: &Path) -> Result<(), Error> {
    if store::backup::confirm_import(data_dir)? { Ok(()) } else { Err(Error::NothingToRestore) }
}

/// What generation `name` of `folder` holds (decrypted with the code `codes` gives, in a work
/// folder inside `data_dir`, checked whole), shown before restoring it.
pub async fn preview(
    data_dir: &Path,
    folder: &Path,
    name: &str,
    codes: Codes<'_>,
    now: DateTime<Utc>,
) -> Result<BackupSummary, Error> {
    let file = store::backup::generation_path(folder, name)?;
    Ok(store::backup::preview(data_dir, &file, codes, now).await?)
}

/// Who restores, for the rebuilt database's audit row: the staff name of this PC, or, when the
/// database could not be opened (`store` is `None`: the start-up screen), that it came from there.
pub async fn restorer(store: Option<&Store>) -> String {
    match store {
        Some(store) => store.actor().await.unwrap_or_default(),
        None => "起動時の復元".to_string(),
    }
}

/// Stages generation `name` of `folder` as the restore for the next start (decrypted with the
/// code `codes` gives, rebuilt inside `data_dir`); returns what it holds.
pub async fn stage_restore(
    data_dir: &Path,
    folder: &Path,
    name: &str,
    codes: Codes<'_>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<BackupSummary, Error> {
    let file = store::backup::generation_path(folder, name)?;
    Ok(store::backup::stage_restore(data_dir, &file, codes, env!("CARGO_PKG_VERSION"), actor, now).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picking_the_backup_folder_itself_means_the_folder_holding_it() {
        let usb = PathBuf::from("E:").join("USB");
        assert_eq!(rescue_folder(usb.join(store::backup::BACKUP_FOLDER)), usb);
        assert_eq!(rescue_folder(usb.clone()), usb);
    }
}
