/// Every `#[tauri::command]` the app registers; build.rs turns each into an `allow-…` permission.
pub const ALL: &[&str] = &[
    "app_info",
    "home_summary",
    "get_clinic_profile",
    "check_clinic_profile",
    "save_clinic_profile",
    "get_staff_name",
    "set_staff_name",
    "audit_log",
    "setup_steps",
    "set_setup_step",
];
