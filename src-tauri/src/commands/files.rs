//! Files chosen in the system's dialogs, opened from Rust: the window is granted none of the
//! dialog plugin's commands, so a page can never read or write a file by itself.
//! `ONSHI_NAVI_SAVE_DIR` (tests) replaces the save dialogs and the PDF viewer with that folder, as
//! `ONSHI_NAVI_DATA_DIR` replaces the data folder.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::clock;
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

pub(crate) use screens::files::write_whole as write_file;

fn dialog_path(p: tauri_plugin_dialog::FilePath) -> Result<PathBuf, AppError> {
    p.into_path().map_err(|e| {
        log::warn!("dialog path: {e}");
        AppError::new(AppErrorCode::FileAccess, "選んだ場所を開けませんでした。別の場所を選んでください")
    })
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

/// One file to read, asked with `title` and offered by `filter` (a name and its extensions);
/// `None` when the dialog was closed. Used for a moved-data file and a poster's photo.
pub(crate) async fn pick_file(
    app: &AppHandle,
    title: &str,
    filter: (&str, &[&str]),
) -> Result<Option<PathBuf>, AppError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog().file().set_title(title).add_filter(filter.0, filter.1).pick_file(move |p| {
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
    let path = dir.join(format!("{name}_{}.pdf", clock::local().format("%Y%m%d_%H%M%S")));
    write_file(&path, pdf)?;
    if test_save_dir().is_none() {
        app.opener().open_path(path.display().to_string(), None::<&str>).map_err(|e| {
            log::warn!("no PDF viewer: {e}");
            let shown = path.display();
            AppError::new(
                AppErrorCode::FileAccess,
                format!("PDFを開くアプリが見つかりませんでした。保存したファイルを開いて印刷してください: {shown}"),
            )
        })?;
    }
    Ok(path.display().to_string())
}

/// Runs `work` (a PDF or .xlsx made, files read or written) off the async threads, so the window
/// never waits on it; a task that stopped is an internal error.
pub(crate) async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| AppError::new(AppErrorCode::Internal, format!("処理が途中で止まりました: {e}")))
}
