// Included by build.rs (the permissions) and tests/bindings.rs (the check): the one reading of
// the one list of commands, `collect_commands![…]` in src/commands/mod.rs.

/// The command names of the `area::command` entries of `collect_commands![…]` in `mod_rs`.
fn command_names_in(mod_rs: &str) -> Vec<String> {
    let list = mod_rs.split("collect_commands![").nth(1).and_then(|rest| rest.split(']').next()).unwrap_or("");
    list.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .filter_map(|entry| entry.rsplit("::").next().map(str::to_string))
        .collect()
}
