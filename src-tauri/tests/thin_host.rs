//! The host stays thin: every `#[tauri::command]` is at most [`MAX_LINES`] lines (State, a
//! dialog, one call into `screens` or a domain crate, the error mapping), and no command file
//! names a guide step: what a screen shows and what a save decides live in `screens`. The whole
//! host stays under [`MAX_HOST_LINES`].

use std::path::Path;

/// The most lines a command may have, its signature and closing brace included.
const MAX_LINES: usize = 15;

/// Each command in `text`: its name and its length in lines.
fn commands(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim() != "#[tauri::command]" {
            continue;
        }
        let Some(start) =
            (i..lines.len()).find(|&j| lines[j].starts_with("pub async fn") || lines[j].starts_with("pub fn"))
        else {
            continue;
        };
        let end = (start..lines.len()).find(|&j| lines[j] == "}").unwrap_or(lines.len() - 1);
        let name = lines[start].split("fn ").nth(1).and_then(|r| r.split('(').next()).unwrap_or("").to_string();
        found.push((name, end - start + 1));
    }
    found
}

#[test]
fn every_command_is_short_and_no_command_file_names_a_guide_step() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    let mut long = Vec::new();
    let mut steps = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("commands/") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        let text = std::fs::read_to_string(&path).expect("read");
        for step in guide::WIZARD.iter().map(|s| s.id) {
            if text.contains(&format!("\"{step}\"")) {
                steps.push(format!("{name} names the guide step \"{step}\""));
            }
        }
        for (command, lines) in commands(&text) {
            seen += 1;
            if lines > MAX_LINES {
                long.push(format!("{name}: {command} has {lines} lines"));
            }
        }
    }
    assert!(seen > 40, "the commands were found ({seen})");
    assert!(
        long.is_empty(),
        "commands longer than {MAX_LINES} lines (move the rule into `screens`):\n{}",
        long.join("\n")
    );
    assert!(steps.is_empty(), "{}", steps.join("\n"));
}

/// The most lines `src-tauri/src` may hold in all: State, dialogs, events and error mapping fit;
/// a screen's rules growing back into the host do not.
const MAX_HOST_LINES: usize = 2_000;

/// Every line of every `.rs` file under `dir`.
fn lines_under(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .expect("folder")
        .map(|entry| entry.expect("entry").path())
        .map(|path| match path.is_dir() {
            true => lines_under(&path),
            false if path.extension().is_some_and(|e| e == "rs") => {
                std::fs::read_to_string(&path).expect("read").lines().count()
            }
            false => 0,
        })
        .sum()
}

#[test]
fn the_host_stays_under_its_size() {
    let lines = lines_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(lines < MAX_HOST_LINES, "src-tauri/src holds {lines} lines: move what a screen decides into `screens`");
}
