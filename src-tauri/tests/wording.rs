//! Words staff read that must not say more than we know. One レセコン product's menu path
//! (「F5.マスター管理」→「1.施術者台帳」) is not every clinic's: it may appear only where the text
//! says whose example it is (the guide's note: 「案内の例…では」). Everywhere else the hint says
//! 「お使いのレセコンの施術者の登録画面などで確認できます」.

use std::path::{Path, PathBuf};

/// Menu names of one product.
const PRODUCT_MENUS: &[&str] = &["マスター管理", "F5.", "F3."];
/// What a line must say to name whose menus they are.
const NAMED_AS_AN_EXAMPLE: &str = "案内の例";

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if !matches!(name, "node_modules" | "target" | "dist" | "recorded") {
                files_under(&path, out);
            }
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("rs" | "svelte" | "ts" | "json")) {
            out.push(path);
        }
    }
}

#[test]
fn one_products_menu_path_appears_only_as_that_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    files_under(&root.join("src-tauri/crates"), &mut files);
    files_under(&root.join("src-tauri/src"), &mut files);
    files_under(&root.join("ui/src"), &mut files);
    assert!(files.len() > 100, "the sources were found ({})", files.len());
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let names_a_menu = line.contains("マスター管理") && PRODUCT_MENUS.iter().any(|m| line.contains(m));
            if names_a_menu && !line.contains(NAMED_AS_AN_EXAMPLE) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "a レセコン product's menus given as if every clinic had them (say 「お使いのレセコンの…」):\n{}",
        found.join("\n")
    );
}
