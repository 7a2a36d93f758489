//! Builds the Tauri context and the permissions of our own commands: each command gets an
//! `allow-…` permission, and `capabilities/default.json` grants only those the UI calls.
//!
//! The command names are read from the one list of them, `collect_commands![…]` in
//! `src/commands/mod.rs`, so the permissions and the registered commands cannot drift apart
//! (`tests/bindings.rs` checks both against the bindings and the capability).

fn main() {
    println!("cargo:rerun-if-changed=src/commands/mod.rs");
    let names: &'static [&'static str] = Box::leak(command_names().into_boxed_slice());
    let manifest = tauri_build::AppManifest::new().commands(names);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed: check tauri.conf.json, icons/ and capabilities/");
}

/// The `area::command` lines of `collect_commands![…]`, as command names.
fn command_names() -> Vec<&'static str> {
    let text = std::fs::read_to_string("src/commands/mod.rs").expect("src/commands/mod.rs");
    let list = text.split("collect_commands![").nth(1).and_then(|rest| rest.split(']').next()).expect("the list");
    list.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| &*Box::leak(entry.rsplit("::").next().expect("a name").to_string().into_boxed_str()))
        .collect()
}
