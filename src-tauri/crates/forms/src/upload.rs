//! The upload set: the files staff send to the 事務局, checked the way the portal (and Windows)
//! will judge them before anything leaves the PC — an allowed kind, a size the portal accepts,
//! content that really is what its name says, a name Windows can save — then packed into a ZIP
//! or written to a folder.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write};
use std::path::Path;

use chrono::{Datelike, Timelike};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::FormsError;

/// What the portal accepts (from the program's data, not hard-coded here).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UploadRules {
    /// Extensions without the dot, e.g. `["pdf", "xlsx", "zip"]`; compared ignoring case
    pub allowed_extensions: Vec<String>,
    /// The largest file accepted, bytes (u32: specta exports no 64-bit integers; 4 GB is plenty)
    pub max_file_bytes: u32,
}

/// One file of the set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UploadFile {
    /// The file name it is saved and sent under
    pub name: String,
    /// Its content
    pub bytes: Vec<u8>,
}

/// The verdict on one file, for the list staff see before they send.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FileCheck {
    /// The file name
    pub name: String,
    /// Its size in bytes (saturating at u32::MAX, which is over any limit anyway)
    pub size_bytes: u32,
    /// Whether it can be sent as it is
    pub ok: bool,
    /// What is wrong, in words for staff
    pub problem: Option<String>,
}

/// Names Windows reserves for devices, with or without an extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Why a name cannot be used on Windows (or would leave the folder), if it cannot.
pub fn name_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some("ファイル名がありません".to_string());
    }
    if let Some(c) = name.chars().find(|c| r#"\/:*?"<>|"#.contains(*c)) {
        return Some(format!("「{c}」は Windows のファイル名に使えません"));
    }
    if name.chars().any(char::is_control) {
        return Some("ファイル名に制御文字が含まれています".to_string());
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some("ファイル名の最後を「.」や空白にはできません".to_string());
    }
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem)) {
        return Some(format!("「{stem}」は Windows が予約している名前のため使えません"));
    }
    if name.encode_utf16().count() > 200 {
        return Some("ファイル名が長すぎます(200 文字まで)".to_string());
    }
    None
}

/// The extension in lower case, without the dot.
fn extension(name: &str) -> Option<String> {
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_lowercase())
}

/// Why the content does not match the extension, if it does not.
fn content_problem(ext: &str, bytes: &[u8]) -> Option<String> {
    match ext {
        "pdf" => {
            let tail = &bytes[bytes.len().saturating_sub(1024)..];
            let ends = tail.windows(5).any(|w| w == b"%%EOF");
            (!bytes.starts_with(b"%PDF-") || !ends)
                .then(|| "PDF ではないか、途中で切れています。作り直してください".to_string())
        }
        "xlsx" => {
            let Some(names) = zip_names(bytes) else {
                return Some("Excel ファイル(.xlsx)として開けません".to_string());
            };
            let has = |n: &str| names.iter().any(|x| x == n);
            (!has("[Content_Types].xml") || !has("xl/workbook.xml"))
                .then(|| "Excel ファイル(.xlsx)の中身になっていません".to_string())
        }
        "zip" => zip_names(bytes)
            .is_none_or(|names| names.is_empty())
            .then(|| "ZIP ファイルとして開けないか、空です".to_string()),
        "jpg" | "jpeg" => (!bytes.starts_with(&[0xFF, 0xD8, 0xFF])).then(|| "JPEG の写真ではありません".to_string()),
        "png" => (!bytes.starts_with(b"\x89PNG\r\n\x1a\n")).then(|| "PNG の画像ではありません".to_string()),
        _ => None,
    }
}

/// The entry names of a readable ZIP; `None` if it cannot be read.
fn zip_names(bytes: &[u8]) -> Option<Vec<String>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut names = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).ok()?;
        names.push(entry.name().ok()?.into_owned());
    }
    Some(names)
}

/// Checks one file against the rules: its name, its kind, its size, its content.
pub fn check_file(rules: &UploadRules, file: &UploadFile) -> FileCheck {
    let size_bytes = u32::try_from(file.bytes.len()).unwrap_or(u32::MAX);
    let problem = file_problem(rules, file);
    FileCheck { name: file.name.clone(), size_bytes, ok: problem.is_none(), problem }
}

fn file_problem(rules: &UploadRules, file: &UploadFile) -> Option<String> {
    if let Some(problem) = name_problem(&file.name) {
        return Some(problem);
    }
    let allowed: Vec<String> =
        rules.allowed_extensions.iter().map(|e| e.trim().trim_start_matches('.').to_lowercase()).collect();
    let list = rules.allowed_extensions.join("・");
    let Some(ext) = extension(&file.name).filter(|e| allowed.contains(e)) else {
        return Some(format!("この種類のファイルは送れません(送れるのは {list})"));
    };
    if file.bytes.is_empty() {
        return Some("空のファイルです(0 バイト)".to_string());
    }
    if file.bytes.len() as u64 > u64::from(rules.max_file_bytes) {
        let (size, limit) = (file.bytes.len() as u64, u64::from(rules.max_file_bytes));
        let (mut size_said, mut limit_said) = (size_text(size), size_text(limit));
        // Just past the limit, both round to the same figure: say them in bytes.
        if size_said == limit_said {
            (size_said, limit_said) =
                (format!("{} バイト", jptext::format_count(size)), format!("{} バイト", jptext::format_count(limit)));
        }
        return Some(format!("大きすぎます({size_said} / 上限 {limit_said})"));
    }
    content_problem(&ext, &file.bytes)
}

/// `1.5 MB`, `820 KB`, `12 バイト`, in the decimal units the program data states limits in
/// (「1ファイル10MBまで」 is 10,000,000 bytes), so a size and its limit compare as read.
fn size_text(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else if bytes >= 1_000 {
        format!("{} KB", bytes.div_ceil(1_000))
    } else {
        format!("{bytes} バイト")
    }
}

/// The key two names collide under on Windows (which ignores case).
fn fold(name: &str) -> String {
    name.to_lowercase()
}

/// Checks every file, and also flags names that collide (ignoring case, as Windows does).
pub fn check_set(rules: &UploadRules, files: &[UploadFile]) -> Vec<FileCheck> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for file in files {
        *counts.entry(fold(&file.name)).or_default() += 1;
    }
    files
        .iter()
        .map(|file| {
            let mut check = check_file(rules, file);
            if counts.get(&fold(&file.name)).copied().unwrap_or(0) > 1 && check.problem.is_none() {
                check.ok = false;
                check.problem =
                    Some("同じ名前のファイルがほかにもあります。どちらかの名前を変えてください".to_string());
            }
            check
        })
        .collect()
}

/// Refuses names Windows cannot use and names used twice: what `build_zip` and `write_folder`
/// would otherwise turn into a broken archive or a silently replaced file.
fn check_names(files: &[UploadFile]) -> Result<(), FormsError> {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for file in files {
        if let Some(problem) = name_problem(&file.name) {
            return Err(FormsError::BadFileName(file.name.clone(), problem));
        }
        if seen.insert(fold(&file.name), &file.name).is_some() {
            return Err(FormsError::DuplicateFileName(file.name.clone()));
        }
    }
    Ok(())
}

/// The files as one ZIP, deflated, each name flagged as UTF-8 (so Windows Explorer shows
/// 「領収書内訳書.pdf」, not mojibake), dated now in local time as Explorer expects.
pub fn build_zip(files: &[UploadFile]) -> Result<Vec<u8>, FormsError> {
    check_names(files)?;
    let failed = |e: zip::result::ZipError| FormsError::DocumentFailed("ZIP ファイル", e.to_string());
    let now = chrono::Local::now().naive_local();
    let modified = zip::DateTime::from_date_and_time(
        u16::try_from(now.year()).unwrap_or(1980),
        u8::try_from(now.month()).unwrap_or(1),
        u8::try_from(now.day()).unwrap_or(1),
        u8::try_from(now.hour()).unwrap_or(0),
        u8::try_from(now.minute()).unwrap_or(0),
        u8::try_from(now.second()).unwrap_or(0),
    )
    .unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(modified)
        .unix_permissions(0o644);
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for file in files {
        writer.start_file(file.name.as_str(), options).map_err(failed)?;
        writer.write_all(&file.bytes).map_err(|e| FormsError::DocumentFailed("ZIP ファイル", e.to_string()))?;
    }
    Ok(writer.finish().map_err(failed)?.into_inner())
}

/// Writes the files into `dir` (created if needed). Each file is written to a temporary file
/// beside it and renamed into place, so a file is either whole or absent. A file already
/// there with the same content is left as it is; one with different content is an error naming
/// it — checked for every file before anything is written, so the folder is not half updated.
pub fn write_folder(dir: &Path, files: &[UploadFile]) -> Result<(), FormsError> {
    check_names(files)?;
    let folder = dir.display().to_string();
    std::fs::create_dir_all(dir).map_err(|e| FormsError::WriteFailed(folder.clone(), e))?;
    let mut to_write = Vec::with_capacity(files.len());
    for file in files {
        match same_content(&dir.join(&file.name), &file.bytes) {
            Ok(Some(true)) => {}
            Ok(Some(false)) => return Err(FormsError::FileExists(file.name.clone())),
            Ok(None) => to_write.push(file),
            Err(e) => return Err(FormsError::WriteFailed(file.name.clone(), e)),
        }
    }
    for file in to_write {
        let target = dir.join(&file.name);
        let write_failed = |e: std::io::Error| FormsError::WriteFailed(file.name.clone(), e);
        let mut temp =
            tempfile::Builder::new().prefix(".onshi-").suffix(".tmp").tempfile_in(dir).map_err(write_failed)?;
        temp.write_all(&file.bytes).map_err(write_failed)?;
        temp.as_file().sync_all().map_err(write_failed)?;
        // No-clobber rename: a file that appeared meanwhile is never replaced.
        if let Err(e) = temp.persist_noclobber(&target) {
            return match same_content(&target, &file.bytes) {
                Ok(Some(true)) => continue,
                Ok(Some(false)) => Err(FormsError::FileExists(file.name.clone())),
                _ => Err(write_failed(e.error)),
            };
        }
    }
    Ok(())
}

/// Whether `path` holds exactly `bytes`; `None` if nothing is there.
fn same_content(path: &Path, bytes: &[u8]) -> std::io::Result<Option<bool>> {
    let mut existing = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if !existing.metadata()?.is_file() {
        return Ok(Some(false));
    }
    if existing.metadata()?.len() != bytes.len() as u64 {
        return Ok(Some(false));
    }
    let mut content = Vec::with_capacity(bytes.len());
    existing.read_to_end(&mut content)?;
    Ok(Some(content == bytes))
}

/// The size limit used when the program data states none: 10 MB, which a scanned page or a phone
/// photo turned into PDF stays well under, and any web upload form takes.
pub const DEFAULT_MAX_FILE_BYTES: u32 = 10_000_000;

/// The number of pages of a PDF: its page objects (`/Type /Page`, not `/Pages` or
/// `/PageLabels`), counted in the file and inside its compressed object streams (PDF 1.5 and
/// later keep them there, as Word, macOS and iPhone write them), enough to tell staff how many
/// pages a copy has. 0 when none is found.
pub fn pdf_pages(bytes: &[u8]) -> usize {
    page_objects(bytes) + object_streams(bytes).iter().map(|s| page_objects(s)).sum::<usize>()
}

/// The page dictionaries written out in `bytes`.
fn page_objects(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut rest = bytes;
    while let Some(at) = rest.windows(5).position(|w| w == b"/Type") {
        let after = &rest[at + 5..];
        let skipped = after.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let name = &after[skipped..];
        let ends_there = |b: Option<&u8>| b.is_none_or(|b| b.is_ascii_whitespace() || b"/<>[]()%".contains(b));
        if name.starts_with(b"/Page") && ends_there(name.get(5)) {
            count += 1;
        }
        rest = &after[skipped..];
    }
    count
}

/// The largest object stream decompressed: a page's dictionary is small; more is not a PDF's.
const MAX_OBJECT_STREAM: usize = 16 * 1024 * 1024;

/// The contents of each deflated object stream (`/Type /ObjStm`) in `bytes`; one that cannot be
/// read is skipped (its pages are then not counted, never guessed).
fn object_streams(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut found = Vec::new();
    let mut rest = bytes;
    while let Some(at) = rest.windows(7).position(|w| w == b"/ObjStm") {
        rest = &rest[at + 7..];
        let Some(start) = rest.windows(6).position(|w| w == b"stream") else { break };
        let mut data = &rest[start + 6..];
        if data.starts_with(b"\r\n") {
            data = &data[2..];
        } else if data.starts_with(b"\n") || data.starts_with(b"\r") {
            data = &data[1..];
        }
        let Some(end) = data.windows(9).position(|w| w == b"endstream") else { break };
        let dictionary = &rest[..start];
        if dictionary.windows(12).any(|w| w == b"/FlateDecode")
            && let Ok(plain) = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&data[..end], MAX_OBJECT_STREAM)
        {
            found.push(plain);
        }
        rest = &data[end..];
    }
    found
}

#[cfg(test)]
mod page_count_tests {
    use super::pdf_pages;

    #[test]
    fn pages_are_counted_without_the_page_tree() {
        let pdf = b"%PDF-1.7\n1 0 obj << /Type /Pages /Count 2 >> endobj 2 0 obj << /Type /Page >> 3 0 obj <</Type/Page/Parent 1 0 R>> 4 0 obj << /Type /PageLabels >> %%EOF";
        assert_eq!(pdf_pages(pdf), 2);
        assert_eq!(pdf_pages(b"%PDF-1.7"), 0);
    }

    /// As Word, macOS and iPhone write a PDF: the page dictionaries inside a deflated object
    /// stream, the catalog and the cross-reference in streams too; none is in the file as text.
    #[test]
    fn pages_inside_compressed_object_streams_are_counted() {
        let objects = b"3 0 4 38 5 76 << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> << /Type /Page /Parent 2 0 R >> << /Type/Page/Parent 2 0 R>>";
        let deflated = miniz_oxide::deflate::compress_to_vec_zlib(objects, 6);
        let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n".to_vec();
        pdf.extend_from_slice(b"2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >> endobj\n");
        pdf.extend_from_slice(
            format!(
                "6 0 obj << /Type /ObjStm /N 3 /First 12 /Filter /FlateDecode /Length {} >>\r\nstream\r\n",
                deflated.len()
            )
            .as_bytes(),
        );
        pdf.extend_from_slice(&deflated);
        pdf.extend_from_slice(b"\r\nendstream\nendobj\nstartxref\n0\n%%EOF\n");
        assert_eq!(super::page_objects(&pdf), 0, "no page is in the file as text");
        assert_eq!(pdf_pages(&pdf), 3);
        // A damaged stream is skipped, not guessed at.
        let at = pdf.windows(deflated.len()).position(|w| w == deflated.as_slice()).expect("the stream");
        let mut broken = pdf.clone();
        broken[at..at + deflated.len()].fill(b'x');
        assert_eq!(pdf_pages(&broken), 0);
    }
}
