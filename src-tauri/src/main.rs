//! The オン資ナビ desktop app. Everything is in the library so tests can reach it.

#![forbid(unsafe_code)]
// No console window behind the app on Windows, in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    onshi_navi_lib::run();
}
