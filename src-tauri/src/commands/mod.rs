//! The `#[tauri::command]`s, one file per area. Each takes the state, calls one crate function
//! and maps its error: no SQL and no rules here.

pub mod app;
pub mod card;
pub mod checks;
pub mod clinic;
pub mod home;
pub mod links;
pub mod patients;
pub mod settings;
pub mod wizard;

#[allow(missing_docs)]
pub mod names {
    include!("names.rs");
}

use tauri_specta::{Builder, collect_commands};

/// Every command with its types, for the invoke handler and the generated TypeScript bindings.
pub fn specta_builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .disable_serde_phases()
        .commands(collect_commands![
            app::app_info,
            home::home_summary,
            home::program_claim,
            clinic::get_clinic_profile,
            clinic::check_clinic_profile,
            clinic::save_clinic_profile,
            settings::get_staff_name,
            settings::set_staff_name,
            settings::get_text_size,
            settings::set_text_size,
            settings::audit_log,
            card::card_status,
            card::check_card,
            card::read_basic4,
            card::demo_insert_card,
            card::demo_remove_card,
            checks::log_check,
            checks::today_checks,
            patients::register_patient,
            wizard::wizard_overview,
            wizard::wizard_step_detail,
            wizard::save_wizard_answer,
            wizard::set_wizard_step_state,
            wizard::save_terminal,
            wizard::delete_terminal,
            wizard::pc_check,
            wizard::internet_check,
            wizard::faq,
            wizard::reader_check,
            links::open_link,
        ])
        .typ::<::card::reader::CardEvent>()
        .constant("CARD_EVENT", crate::CARD_EVENT)
}
