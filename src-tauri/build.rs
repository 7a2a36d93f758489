//! Builds the Tauri context and the permissions of our own commands: each command gets an
//! `allow-…` permission, and `capabilities/default.json` grants only those the UI calls.
//!
//! The command names are read from the one list of them, `collect_commands![…]` in
//! `src/commands/mod.rs`, so the permissions and the registered commands cannot drift apart
//! (`tests/bindings.rs` checks both against the bindings and the capability).

fn main() {
    println!("cargo:rerun-if-changed=src/commands/mod.rs");
    println!("cargo:rerun-if-changed=commands_list.rs");
    let names: &'static [&'static str] = Box::leak(command_names().into_boxed_slice());
    let manifest = tauri_build::AppManifest::new().commands(names);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed: check tauri.conf.json, icons/ and capabilities/");
}

include!("commands_list.rs");

/// The registered commands' names, kept for the whole build (the manifest wants `'static`).
fn command_names() -> Vec<&'static str> {
    let text = std::fs::read_to_string("src/commands/mod.rs").expect("src/commands/mod.rs");
    let names = command_names_in(&text);
    assert!(!names.is_empty(), "no collect_commands! list in src/commands/mod.rs");
    names.into_iter().map(|n| &*Box::leak(n.into_boxed_str())).collect()
}
