//! The upload set: each check's pass and fail, the ZIP round trip with Japanese names, and the
//! folder written atomically without ever replacing a different file.

mod common;

use std::io::{Cursor, Read};

use forms::FormsErrorCode;
use forms::upload::{self, FileCheck, UploadFile, UploadRules};

fn rules() -> UploadRules {
    UploadRules { allowed_extensions: vec!["pdf".into(), "XLSX".into(), ".zip".into()], max_file_bytes: 1_000_000 }
}

fn file(name: &str, bytes: impl Into<Vec<u8>>) -> UploadFile {
    UploadFile { name: name.into(), bytes: bytes.into() }
}

fn pdf() -> Vec<u8> {
    forms::breakdown_pdf(&common::breakdown(), common::made()).expect("pdf")
}

fn xlsx() -> Vec<u8> {
    forms::breakdown_xlsx(&common::breakdown(), common::made()).expect("xlsx")
}

fn some_zip() -> Vec<u8> {
    upload::build_zip(&[file("a.txt", "hello")]).expect("zip")
}

#[test]
fn a_file_just_past_the_limit_says_both_sizes_apart() {
    let rules = upload::UploadRules { allowed_extensions: vec!["pdf".into()], max_file_bytes: 10_000_000 };
    let mut bytes = pdf();
    bytes.resize(10_000_001, b' ');
    let check = upload::check_file(&rules, &file("03_通帳の写し.pdf", bytes));
    assert_eq!(check.problem.as_deref(), Some("大きすぎます(10,000,001 バイト / 上限 10,000,000 バイト)"));
    let mut bytes = pdf();
    bytes.resize(12_000_000, b' ');
    let check = upload::check_file(&rules, &file("03_通帳の写し.pdf", bytes));
    assert_eq!(check.problem.as_deref(), Some("大きすぎます(12.0 MB / 上限 10.0 MB)"));
}

#[test]
fn each_check_passes_and_fails() {
    let pdf = pdf();
    let cases: Vec<(&str, UploadFile, Option<&str>)> = vec![
        ("our own PDF", file("領収書内訳書.pdf", pdf.clone()), None),
        ("extension ignores case", file("内訳書.PDF", pdf.clone()), None),
        ("xlsx", file("内訳書.xlsx", xlsx()), None),
        ("zip", file("写真.zip", some_zip()), None),
        ("wrong extension", file("内訳書.docx", pdf.clone()), Some("送れません")),
        ("no extension", file("内訳書", pdf.clone()), Some("送れません")),
        ("too big", file("big.pdf", [pdf.as_slice(), &vec![b' '; 1_000_000]].concat()), Some("大きすぎます")),
        ("empty", file("empty.pdf", Vec::new()), Some("空のファイル")),
        ("pdf that is not a PDF", file("fake.pdf", "just text, %%EOF"), Some("PDF ではない")),
        ("pdf cut off", file("cut.pdf", pdf[..pdf.len() / 2].to_vec()), Some("PDF ではない")),
        ("xlsx that is a text file", file("fake.xlsx", "name,amount\n"), Some(".xlsx")),
        ("zip that is an xlsx-less zip", file("other.xlsx", some_zip()), Some(".xlsx")),
        ("zip that is not a zip", file("fake.zip", "PK but not really"), Some("ZIP")),
        ("backslash", file(r"a\b.pdf", pdf.clone()), Some("「\\」")),
        ("slash", file("a/b.pdf", pdf.clone()), Some("「/」")),
        ("colon", file("a:b.pdf", pdf.clone()), Some("「:」")),
        ("star", file("a*.pdf", pdf.clone()), Some("「*」")),
        ("question", file("a?.pdf", pdf.clone()), Some("「?」")),
        ("quote", file("a\".pdf", pdf.clone()), Some("「\"」")),
        ("angle", file("a<b>.pdf", pdf.clone()), Some("「<」")),
        ("pipe", file("a|b.pdf", pdf.clone()), Some("「|」")),
        ("control", file("a\u{7}.pdf", pdf.clone()), Some("制御文字")),
        ("reserved", file("CON.pdf", pdf.clone()), Some("予約")),
        ("reserved lower case", file("com1.pdf", pdf.clone()), Some("予約")),
        ("reserved alone", file("nul", pdf.clone()), Some("予約")),
        ("trailing dot", file("a.pdf.", pdf.clone()), Some("最後")),
        ("trailing space", file("a.pdf ", pdf.clone()), Some("最後")),
        ("blank", file("  ", pdf.clone()), Some("ありません")),
        ("console is not con", file("console.pdf", pdf.clone()), None),
    ];
    for (what, f, expected) in cases {
        let check = upload::check_file(&rules(), &f);
        assert_eq!(check.name, f.name);
        assert_eq!(check.size_bytes as usize, f.bytes.len(), "{what}");
        match expected {
            None => assert!(check.ok && check.problem.is_none(), "{what}: {check:?}"),
            Some(word) => {
                assert!(!check.ok, "{what}: should fail");
                let problem = check.problem.unwrap_or_default();
                assert!(problem.contains(word), "{what}: {problem:?} should say {word:?}");
            }
        }
    }
}

#[test]
fn a_set_flags_names_that_collide_on_windows() {
    let pdf = pdf();
    let checks: Vec<FileCheck> = upload::check_set(
        &rules(),
        &[file("内訳書.pdf", pdf.clone()), file("写真.pdf", pdf.clone()), file("内訳書.PDF", pdf.clone())],
    );
    assert_eq!(checks.len(), 3);
    assert!(!checks[0].ok && checks[0].problem.as_deref().is_some_and(|p| p.contains("同じ名前")));
    assert!(checks[1].ok);
    assert!(!checks[2].ok);
}

#[test]
fn the_zip_round_trips_japanese_names_and_contents_flagged_utf8() {
    let files = [file("領収書内訳書.pdf", pdf()), file("領収書の写真.pdf", "photos"), file("readme.txt", "ascii")];
    let zip = upload::build_zip(&files).expect("zip");
    let mut archive = zip::ZipArchive::new(Cursor::new(&zip)).expect("readable");
    assert_eq!(archive.len(), 3);
    for f in &files {
        let mut entry = archive.by_name(&f.name).unwrap_or_else(|_| panic!("{} in the zip", f.name));
        assert_eq!(entry.compression(), zip::CompressionMethod::Deflated);
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("read");
        assert_eq!(content, f.bytes);
    }
    // Every local header of a Japanese name has general-purpose bit 11 (UTF-8) set, which is what
    // Windows Explorer reads; the raw name bytes are UTF-8.
    let name = "領収書内訳書.pdf".as_bytes();
    let at = zip.windows(name.len()).position(|w| w == name).expect("name stored");
    let header = at - 30;
    assert_eq!(&zip[header..header + 4], b"PK\x03\x04");
    let flags = u16::from_le_bytes([zip[header + 6], zip[header + 7]]);
    assert_ne!(flags & 0x0800, 0, "UTF-8 flag");
    // And the set passes as an upload itself.
    assert!(upload::check_file(&rules(), &file("申請書類.zip", zip)).ok);
}

#[test]
fn the_zip_refuses_bad_and_duplicate_names() {
    let error = upload::build_zip(&[file("../evil.pdf", "x")]).expect_err("unsafe");
    assert_eq!(error.code(), FormsErrorCode::BadFileName);
    assert!(error.to_string().contains("../evil.pdf"));
    let error = upload::build_zip(&[file("a.pdf", "x"), file("A.PDF", "y")]).expect_err("dup");
    assert_eq!(error.code(), FormsErrorCode::DuplicateFileName);
}

#[test]
fn the_folder_is_written_whole_and_never_overwritten() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("申請書類").join("2026-01");
    let files = [file("領収書内訳書.pdf", pdf()), file("内訳書.xlsx", xlsx())];
    upload::write_folder(&dir, &files).expect("written");
    for f in &files {
        assert_eq!(std::fs::read(dir.join(&f.name)).expect("read back"), f.bytes);
    }
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    // The same set again: nothing to do, fine.
    upload::write_folder(&dir, &files).expect("same content is fine");

    // A different file under an existing name: refused, named, and nothing written at all.
    let changed = [file("新しい.pdf", "new"), file("内訳書.xlsx", "different")];
    let error = upload::write_folder(&dir, &changed).expect_err("refused");
    assert_eq!(error.code(), FormsErrorCode::FileExists);
    assert!(error.to_string().contains("内訳書.xlsx"));
    assert_eq!(std::fs::read(dir.join("内訳書.xlsx")).expect("kept"), files[1].bytes);
    assert!(!dir.join("新しい.pdf").exists(), "checked before anything was written");

    // Case differences collide on Windows: refused before writing.
    let error = upload::write_folder(&dir, &[file("a.pdf", "x"), file("A.pdf", "x")]).expect_err("dup");
    assert_eq!(error.code(), FormsErrorCode::DuplicateFileName);
    let error = upload::write_folder(&dir, &[file("CON.pdf", "x")]).expect_err("reserved");
    assert_eq!(error.code(), FormsErrorCode::BadFileName);
}

#[test]
fn a_folder_that_cannot_be_made_is_a_write_error() {
    let root = tempfile::tempdir().expect("tempdir");
    let blocker = root.path().join("file");
    std::fs::write(&blocker, "x").expect("write");
    let error = upload::write_folder(&blocker.join("sub"), &[file("a.pdf", "x")]).expect_err("cannot create");
    assert_eq!(error.code(), FormsErrorCode::WriteFailed);
}
