//! The `#[tauri::command]`s, one file per area. Each takes the state, opens a dialog if it needs
//! one, calls `screens` (what a screen shows, what a save decides) or a domain crate, and maps
//! the error: no SQL and no rules here, at most 15 lines a command (`tests/thin_host.rs`).

pub mod app;
pub mod backup;
pub mod card;
pub mod checks;
pub mod clinic;
pub mod eligibility;
mod files;
pub mod grant;
pub mod home;
pub mod links;
pub mod patients;
pub mod poster;
pub mod settings;
pub mod subsidy;
pub mod updates;
pub mod wizard;

use tauri_specta::{Builder, collect_commands};

/// Every command with its types, for the invoke handler and the generated TypeScript bindings.
pub fn specta_builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .disable_serde_phases()
        .commands(collect_commands![
            app::app_info,
            home::home_summary,
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
            wizard::guide_checklist_preview,
            wizard::save_guide_checklist,
            links::open_link,
            links::show_in_folder,
            poster::poster_choices,
            poster::poster_preview,
            poster::save_poster_pdf,
            poster::print_poster,
            grant::grant_overview,
            grant::save_poster,
            grant::delete_poster,
            grant::set_promotion_day,
            backup::backup_overview,
            backup::choose_backup_folder,
            backup::set_backup_generations,
            backup::back_up_now,
            backup::backup_preview,
            backup::restore_backup,
            backup::export_data,
            backup::import_data,
            backup::retry_import,
            backup::acknowledge_recovery_code,
            backup::renew_recovery_code,
            backup::print_recovery_sheet,
            backup::restart_to_restore,
            backup::cancel_restore,
            backup::choose_rescue_folder,
            eligibility::parse_insurance_paste,
            eligibility::save_insurance_record,
            eligibility::insurance_records_today,
            eligibility::save_insurance_csv,
            eligibility::insurance_clipboard_text,
            eligibility::insurance_retention,
            eligibility::set_insurance_retention,
            patients::find_patients,
            patients::patient_record,
            eligibility::purge_insurance_records,
            eligibility::insurance_history,
            grant::grant_report_preview,
            grant::save_grant_report,
            grant::print_grant_report,
            grant::set_grant_in_service,
            grant::add_poster_photo,
            grant::remove_poster_photo,
            subsidy::subsidy_overview,
            subsidy::set_subsidy_applicant,
            subsidy::save_receipt,
            subsidy::delete_receipt,
            subsidy::save_purchase,
            subsidy::delete_purchase,
            subsidy::attach_document,
            subsidy::delete_document,
            subsidy::save_subsidy_answers,
            subsidy::set_subsidy_status,
            subsidy::breakdown_preview,
            subsidy::save_breakdown,
            subsidy::print_breakdown,
            subsidy::build_upload_set,
            updates::program_data_status,
            updates::check_program_updates,
            updates::get_update_address,
            updates::set_update_address,
        ])
        .typ::<::card::reader::CardEvent>()
        .constant("CARD_EVENT", crate::CARD_EVENT)
}
