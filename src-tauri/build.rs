//! Builds the Tauri context and the permissions of our own commands: each command gets an
//! `allow-…` permission, and `capabilities/default.json` grants only those the UI calls.

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(onshi_commands::ALL);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed: check tauri.conf.json, icons/ and capabilities/");
}

/// The command names, shared with `src/commands/mod.rs` through `include!` so the two lists cannot
/// drift apart.
mod onshi_commands {
    include!("src/commands/names.rs");
}
