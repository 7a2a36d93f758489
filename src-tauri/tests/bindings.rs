//! What the UI and the window's permissions are made from stays what the Rust side registers:
//! the committed TypeScript bindings, the command names build.rs makes permissions for, and the
//! capability that grants them.

use std::path::PathBuf;

/// The committed `ui/src/bindings.ts` must be what the Rust types generate today, so the UI
/// never calls a renamed command or reads a moved field. `UPDATE_BINDINGS=1` rewrites it.
#[test]
fn typescript_bindings_are_fresh() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
    let fresh_dir = tempfile::tempdir().expect("tempdir");
    let fresh = fresh_dir.path().join("bindings.ts");
    onshi_navi_lib::commands::specta_builder()
        .export(
            specta_typescript::Typescript::default().header(
                "// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test -p onshi-navi`. Do not edit.\n",
            ),
            &fresh,
        )
        .expect("export bindings");
    let fresh_text = std::fs::read_to_string(&fresh).expect("read fresh");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&committed, &fresh_text).expect("write bindings");
        return;
    }
    let committed_text = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        committed_text == fresh_text,
        "ui/src/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p onshi-navi typescript_bindings_are_fresh`"
    );
}

/// The commands in the bindings (what the builder registers) are exactly those build.rs makes
/// permissions for.
#[test]
fn bindings_and_permissions_name_the_same_commands() {
    let bindings = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts"))
        .expect("read bindings");
    let mut invoked: Vec<String> = bindings
        .split("__TAURI_INVOKE")
        .skip(2)
        .filter_map(|rest| rest.split('"').nth(1))
        .map(str::to_string)
        .collect();
    invoked.sort_unstable();
    let mut named = names();
    named.sort_unstable();
    assert_eq!(invoked, named);
}

/// Every registered command has its permission in the capability, and nothing more.
#[test]
fn capability_grants_exactly_our_commands() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("capabilities/default.json");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    let granted: Vec<&str> = json["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| p.starts_with("allow-"))
        .collect();
    let expected: Vec<String> = names().iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    assert_eq!(granted, expected);
}

include!("../commands_list.rs");

/// The commands registered (what build.rs makes permissions for).
fn names() -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/commands/mod.rs");
    command_names_in(&std::fs::read_to_string(path).expect("read mod.rs"))
}
