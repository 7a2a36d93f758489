//! Files chosen in the system's dialogs, opened from Rust: the window is granted none of the
//! dialog plugin's commands, so a page can never read or write a file by itself.
//! `ONSHI_NAVI_SAVE_DIR` (tests) replaces the save dialogs and the PDF viewer with that folder, as
//! `ONSHI_NAVI_DATA_DIR` replaces the data folder.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::error::{AppError, AppErrorCode};

/// The folder that stands in for the dialogs in tests. Only in debug builds (tests, the e2e
/// app): the release app has no way to skip a dialog or the PDF viewer, whatever its environment
/// (`tests/windows/exe-test.sh` checks the release exe does not even hold the variable's name).
#[cfg(debug_assertions)]
pub(crate) fn test_save_dir() -> Option<PathBuf> {
    std::env::var_os("ONSHI_NAVI_SAVE_DIR").filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// The release build: dialogs always.
#[cfg(not(debug_assertions))]
pub(crate) fn test_save_dir() -> Option<PathBuf> {
    None
}

/// How long a printed PDF is kept in the data folder's `print/`: it held a patient's or the
/// clinic's data only to hand it to the PDF viewer.
pub(crate) const PRINTED_KEPT: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Removes the printed PDFs in `<data>/print` older than [`PRINTED_KEPT`] (at start). Returns how
/// many were removed; a file that cannot be removed is left for the next start.
pub(crate) fn clean_print_folder(data_dir: &std::path::Path, now: std::time::SystemTime) -> usize {
    let Ok(entries) = std::fs::read_dir(data_dir.join("print")) else { return 0 };
    entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|age| age > PRINTED_KEPT)
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Writes beside the target and renames, so a cut-off write never leaves half a file.
pub(crate) fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), AppError> {
    let fail = |e: std::io::Error| {
        AppError::new(AppErrorCode::FileAccess, format!("「{}」に保存できませんでした: {e}", path.display()))
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let tmp = path.with_extension("part");
    std::fs::write(&tmp, bytes).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(fail)
}

fn dialog_path(p: tauri_plugin_dialog::FilePath) -> Result<PathBuf, AppError> {
    p.into_path().map_err(|e| AppError::new(AppErrorCode::FileAccess, format!("選んだ場所を開けませんでした: {e}")))
}

/// Where to save a file named `name` (a filter for `ext`); `None` when the dialog was closed.
pub(crate) async fn pick_save_path(app: &AppHandle, name: &str, ext: &str) -> Result<Option<PathBuf>, AppError> {
    if let Some(dir) = test_save_dir() {
        return Ok(Some(dir.join(name)));
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    let label = match ext {
        "pdf" => "PDF",
        "xlsx" => "Excel",
        "csv" => "CSV",
        _ => "オン資ナビのデータ",
    };
    app.dialog().file().set_file_name(name).add_filter(label, &[ext]).save_file(move |p| {
        let _ = tx.send(p);
    });
    rx.await.ok().flatten().map(dialog_path).transpose()
}

/// A folder to write into, asked with `title`; `None` when the dialog was closed.
pub(crate) async fn pick_folder(app: &AppHandle, title: &str) -> Result<Option<PathBuf>, AppError> {
    if let Some(dir) = test_save_dir() {
        return Ok(Some(dir));
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog().file().set_title(title).pick_folder(move |p| {
        let _ = tx.send(p);
    });
    rx.await.ok().flatten().map(dialog_path).transpose()
}

/// Photos or PDFs to attach; `None` when the dialog was closed.
pub(crate) async fn pick_files(app: &AppHandle) -> Result<Option<Vec<PathBuf>>, AppError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog().file().add_filter("写真・PDF", &["jpg", "jpeg", "png", "pdf"]).pick_files(move |p| {
        let _ = tx.send(p);
    });
    match rx.await.ok().flatten() {
        None => Ok(None),
        Some(list) => Ok(Some(list.into_iter().map(dialog_path).collect::<Result<Vec<_>, _>>()?)),
    }
}

/// A moved-data file (.onshinavi) to read; `None` when the dialog was closed.
pub(crate) async fn pick_data_file(app: &AppHandle) -> Result<Option<PathBuf>, AppError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title("読み込むオン資ナビのデータを選んでください")
        .add_filter("オン資ナビのデータ", &[store::backup::EXPORT_EXTENSION])
        .pick_file(move |p| {
            let _ = tx.send(p);
        });
    rx.await.ok().flatten().map(dialog_path).transpose()
}

/// One photo (JPEG/PNG) to keep; `None` when the dialog was closed.
pub(crate) async fn pick_photo(app: &AppHandle) -> Result<Option<PathBuf>, AppError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title("ポスターを掲示している写真を選んでください")
        .add_filter("写真", &["jpg", "jpeg", "png"])
        .pick_file(move |p| {
            let _ = tx.send(p);
        });
    rx.await.ok().flatten().map(dialog_path).transpose()
}

/// Prints through the system: writes `pdf` into the data folder's `print/` (named `name` and the
/// time) and opens it in the PC's PDF viewer, whose 印刷 uses the system's printers and settings.
/// Returns the file's path. In tests the file goes to the test folder and no viewer opens.
pub(crate) fn print_pdf(
    app: &AppHandle,
    data_dir: &std::path::Path,
    name: &str,
    pdf: &[u8],
) -> Result<String, AppError> {
    let dir = test_save_dir().unwrap_or_else(|| data_dir.join("print"));
    let path = dir.join(format!("{name}_{}.pdf", chrono::Local::now().format("%Y%m%d_%H%M%S")));
    write_file(&path, pdf)?;
    if test_save_dir().is_none() {
        app.opener().open_path(path.display().to_string(), None::<&str>).map_err(|e| {
            AppError::new(
                AppErrorCode::FileAccess,
                format!(
                    "PDFを開くアプリが見つかりませんでした({e})。保存したファイルを開いて印刷してください: {}",
                    path.display()
                ),
            )
        })?;
    }
    Ok(path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_pdfs_older_than_a_day_are_removed_at_start() {
        let dir = tempfile::tempdir().expect("tempdir");
        let print = dir.path().join("print");
        std::fs::create_dir_all(&print).expect("print");
        for name in ["old.pdf", "new.pdf", "note.txt"] {
            std::fs::write(print.join(name), b"%PDF-1.7").expect("write");
        }
        let later = std::time::SystemTime::now() + PRINTED_KEPT + std::time::Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(print.join("new.pdf"))
            .and_then(|f| f.set_modified(later))
            .expect("touch");
        assert_eq!(clean_print_folder(dir.path(), later), 1);
        assert!(!print.join("old.pdf").exists() && print.join("new.pdf").exists() && print.join("note.txt").exists());
        assert_eq!(clean_print_folder(&dir.path().join("none"), later), 0, "no folder, nothing to do");
    }
}
