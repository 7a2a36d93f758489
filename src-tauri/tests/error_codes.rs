//! What each command can refuse with, as the UI receives it: the list the UI's error fixtures are
//! held to (`ui/src/lib/testing/recorded/errors.json`, through `lib/testing/errors.ts`), so a
//! fake cannot refuse with a code Rust never returns for that call. Every command has an entry;
//! every refusal Rust recorded for the UI (the 導入ガイド's and the 助成金 status panel's calls)
//! is in its command's list. `UPDATE_RECORDED=1` rewrites the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use card::CardErrorCode as C;
use forms::FormsErrorCode as F;
use onshi_navi_lib::error::{AppErrorCode as A, ErrorCode};
use programs::ProgramsErrorCode as P;
use screens::ScreensErrorCode as S;
use store::StoreErrorCode as St;
use updates::UpdateErrorCode as U;

include!("../commands_list.rs");

/// What any command that reads or writes the clinic's database may return: the database that
/// could not be opened at start (every command then says why), and SQLite failing.
const STORE: &[ErrorCode] = &[
    ErrorCode::Store(St::DatabaseOpen),
    ErrorCode::Store(St::DataDir),
    ErrorCode::Store(St::DatabaseDamaged),
    ErrorCode::Store(St::DatabaseTooNew),
    ErrorCode::Store(St::Migration),
    ErrorCode::Store(St::Database),
    ErrorCode::Store(St::CorruptData),
    ErrorCode::App(A::Internal),
];

/// What any call to the card reader may return.
const CARD: &[ErrorCode] = &[
    ErrorCode::Card(C::ServiceUnavailable),
    ErrorCode::Card(C::NoReader),
    ErrorCode::Card(C::ReaderGone),
    ErrorCode::Card(C::NoCard),
    ErrorCode::Card(C::NotMyNumberCard),
    ErrorCode::Card(C::CardRemoved),
    ErrorCode::Card(C::ReaderBusy),
    ErrorCode::Card(C::UnexpectedStatus),
    ErrorCode::Card(C::BadData),
    ErrorCode::Card(C::ShortResponse),
    ErrorCode::Card(C::Reader),
    ErrorCode::App(A::Internal),
];

/// A PDF or .xlsx made, then saved where staff choose or printed.
const PAPER: &[ErrorCode] = &[
    ErrorCode::Forms(F::DocumentFailed),
    ErrorCode::Screens(S::FileNotWritten),
    ErrorCode::App(A::FileAccess),
    ErrorCode::App(A::Internal),
];

/// A photo or PDF read from the PC.
const PHOTO: &[ErrorCode] = &[
    ErrorCode::Forms(F::UnreadablePhoto),
    ErrorCode::Forms(F::UnsupportedPhotoFormat),
    ErrorCode::Forms(F::EmptyFile),
    ErrorCode::Forms(F::PhotoTooLarge),
    ErrorCode::Forms(F::NoPhotos),
    ErrorCode::Screens(S::FileUnreadable),
    ErrorCode::App(A::FileAccess),
];

/// A sealed file opened or written with the 復元コード, in the backup folder or a file staff chose.
const SEALED: &[ErrorCode] = &[
    ErrorCode::Store(St::RecoveryCode),
    ErrorCode::Store(St::NotABackup),
    ErrorCode::Store(St::BackupTooSlow),
    ErrorCode::Store(St::FromNewerApp),
    ErrorCode::Store(St::NotEnoughSpace),
    ErrorCode::Store(St::BackupFolder),
    ErrorCode::Store(St::DataDir),
    ErrorCode::App(A::Internal),
];

/// The 助成金's and 協力金's program in the data in use.
const PROGRAM: &[ErrorCode] = &[ErrorCode::Programs(P::UnknownProgram), ErrorCode::Programs(P::NoClaim)];

const VALIDATION: ErrorCode = ErrorCode::Store(St::Validation);

/// Each command with what it can refuse with, from the groups above and its own.
fn table() -> BTreeMap<&'static str, Vec<ErrorCode>> {
    let own = |groups: &[&[ErrorCode]], codes: &[ErrorCode]| -> Vec<ErrorCode> {
        let mut all: Vec<ErrorCode> =
            groups.iter().flat_map(|g| g.iter().copied()).chain(codes.iter().copied()).collect();
        all.sort_by_key(|c| c.as_str());
        all.dedup();
        all
    };
    let screens_validation = ErrorCode::Screens(S::Validation);
    let gone = ErrorCode::Screens(S::RecordGone);
    let demo = ErrorCode::App(A::DemoStore);
    let updates: Vec<ErrorCode> = [
        U::NoAddress,
        U::BadAddress,
        U::Unreachable,
        U::Http,
        U::TooLarge,
        U::FeedFormat,
        U::FeedSignature,
        U::FeedNotNewer,
        U::ProgramData,
        U::Save,
    ]
    .into_iter()
    .map(ErrorCode::Updates)
    .collect();
    BTreeMap::from([
        ("app_info", own(&[], &[])),
        ("home_summary", own(&[STORE], &[ErrorCode::Store(St::RecoveryCode)])),
        ("get_clinic_profile", own(&[STORE], &[])),
        ("check_clinic_profile", own(&[], &[])),
        ("save_clinic_profile", own(&[STORE], &[VALIDATION])),
        ("get_staff_name", own(&[STORE], &[])),
        ("set_staff_name", own(&[STORE], &[VALIDATION])),
        ("get_text_size", own(&[STORE], &[])),
        ("set_text_size", own(&[STORE], &[])),
        ("audit_log", own(&[STORE], &[])),
        ("card_status", own(&[], &[ErrorCode::App(A::Internal)])),
        ("check_card", own(&[CARD], &[])),
        (
            "read_basic4",
            own(
                &[CARD],
                &[ErrorCode::Card(C::WrongPin), ErrorCode::Card(C::PinBlocked), ErrorCode::Card(C::PinFormat)],
            ),
        ),
        ("demo_insert_card", own(&[], &[ErrorCode::Card(C::NotDemoMode), ErrorCode::App(A::Internal)])),
        ("demo_remove_card", own(&[], &[ErrorCode::Card(C::NotDemoMode), ErrorCode::App(A::Internal)])),
        ("log_check", own(&[STORE], &[VALIDATION, demo])),
        ("today_checks", own(&[STORE], &[])),
        (
            "register_patient",
            own(
                &[STORE],
                &[VALIDATION, demo, ErrorCode::Store(St::PatientChoiceInvalid), ErrorCode::Store(St::PatientNotFound)],
            ),
        ),
        ("wizard_overview", own(&[STORE], &[])),
        (
            "wizard_step_detail",
            own(&[STORE], &[ErrorCode::Screens(S::UnknownStep), ErrorCode::Screens(S::DataIncomplete)]),
        ),
        ("save_wizard_answer", own(&[STORE], &[VALIDATION, screens_validation, ErrorCode::Screens(S::UnknownStep)])),
        ("set_wizard_step_state", own(&[STORE], &[VALIDATION, ErrorCode::Screens(S::UnknownStep)])),
        ("save_terminal", own(&[STORE], &[VALIDATION, gone])),
        ("delete_terminal", own(&[STORE], &[VALIDATION, gone])),
        ("pc_check", own(&[], &[ErrorCode::App(A::Internal)])),
        ("internet_check", own(&[], &[])),
        ("faq", own(&[], &[])),
        ("reader_check", own(&[], &[ErrorCode::Screens(S::DataIncomplete), ErrorCode::App(A::Internal)])),
        ("guide_checklist_preview", own(&[STORE, PAPER], &[])),
        ("save_guide_checklist", own(&[STORE, PAPER], &[])),
        ("open_link", own(&[], &[ErrorCode::App(A::UnknownLink), ErrorCode::App(A::Internal)])),
        (
            "show_in_folder",
            own(
                &[],
                &[ErrorCode::Screens(S::NotWrittenHere), ErrorCode::Screens(S::FileGone), ErrorCode::App(A::Internal)],
            ),
        ),
        ("poster_choices", own(&[STORE], &[])),
        ("poster_preview", own(&[STORE, PAPER], &[])),
        ("save_poster_pdf", own(&[STORE, PAPER], &[])),
        ("print_poster", own(&[STORE, PAPER], &[])),
        ("grant_overview", own(&[STORE, PROGRAM], &[])),
        ("save_poster", own(&[STORE], &[VALIDATION])),
        ("delete_poster", own(&[STORE], &[VALIDATION])),
        ("set_promotion_day", own(&[STORE], &[VALIDATION])),
        ("backup_overview", own(&[STORE], &[ErrorCode::Store(St::RecoveryCode)])),
        ("choose_backup_folder", own(&[STORE, SEALED], &[ErrorCode::App(A::FileAccess)])),
        ("set_backup_generations", own(&[STORE], &[VALIDATION, ErrorCode::Store(St::RecoveryCode)])),
        ("back_up_now", own(&[STORE, SEALED], &[ErrorCode::Screens(S::BackupFolderNotChosen)])),
        ("backup_preview", own(&[STORE, SEALED], &[ErrorCode::Screens(S::BackupFolderNotChosen)])),
        ("restore_backup", own(&[STORE, SEALED], &[ErrorCode::Screens(S::BackupFolderNotChosen)])),
        ("export_data", own(&[STORE, SEALED], &[ErrorCode::App(A::FileAccess)])),
        ("import_data", own(&[SEALED], &[ErrorCode::App(A::FileAccess)])),
        ("retry_import", own(&[SEALED], &[ErrorCode::Screens(S::NothingToRestore)])),
        ("acknowledge_recovery_code", own(&[STORE], &[ErrorCode::Store(St::RecoveryCode)])),
        ("renew_recovery_code", own(&[STORE], &[ErrorCode::Store(St::RecoveryCode)])),
        (
            "print_recovery_sheet",
            own(&[STORE, PAPER], &[ErrorCode::Screens(S::NoRecoveryCodeToPrint), ErrorCode::Store(St::RecoveryCode)]),
        ),
        ("restart_to_restore", own(&[], &[ErrorCode::Screens(S::NothingToRestore), ErrorCode::Store(St::DataDir)])),
        ("cancel_restore", own(&[], &[ErrorCode::Store(St::DataDir)])),
        ("choose_rescue_folder", own(&[], &[ErrorCode::Store(St::BackupFolder), ErrorCode::App(A::FileAccess)])),
        ("parse_insurance_paste", own(&[], &[])),
        ("save_insurance_record", own(&[STORE], &[VALIDATION, demo, ErrorCode::Store(St::PatientNotFound)])),
        ("insurance_records_today", own(&[STORE], &[])),
        (
            "save_insurance_csv",
            own(
                &[STORE],
                &[
                    ErrorCode::Insurance(insurance::InsuranceErrorCode::NotInShiftJis),
                    ErrorCode::Screens(S::NothingToExport),
                    ErrorCode::Screens(S::FileNotWritten),
                    ErrorCode::App(A::FileAccess),
                ],
            ),
        ),
        ("insurance_clipboard_text", own(&[STORE], &[gone, demo])),
        ("insurance_retention", own(&[STORE], &[])),
        ("set_insurance_retention", own(&[STORE], &[VALIDATION])),
        ("find_patients", own(&[STORE], &[])),
        ("patient_record", own(&[STORE], &[demo, ErrorCode::Store(St::PatientNotFound)])),
        ("purge_insurance_records", own(&[STORE], &[VALIDATION, ErrorCode::Store(St::RetentionChanged)])),
        ("insurance_history", own(&[STORE], &[gone])),
        ("grant_report_preview", own(&[STORE, PROGRAM, PAPER], &[])),
        ("save_grant_report", own(&[STORE, PROGRAM, PAPER], &[])),
        ("print_grant_report", own(&[STORE, PROGRAM, PAPER], &[])),
        ("set_grant_in_service", own(&[STORE, PROGRAM], &[VALIDATION])),
        ("add_poster_photo", own(&[STORE, PHOTO], &[VALIDATION, ErrorCode::App(A::Internal)])),
        ("remove_poster_photo", own(&[STORE], &[VALIDATION])),
        ("subsidy_overview", own(&[STORE, PROGRAM], &[])),
        ("set_subsidy_applicant", own(&[STORE, PROGRAM], &[VALIDATION])),
        ("save_receipt", own(&[STORE], &[VALIDATION])),
        ("delete_receipt", own(&[STORE], &[VALIDATION])),
        ("save_purchase", own(&[STORE], &[VALIDATION])),
        ("delete_purchase", own(&[STORE], &[VALIDATION])),
        ("attach_document", own(&[STORE, PHOTO, PAPER], &[VALIDATION, screens_validation])),
        ("delete_document", own(&[STORE], &[VALIDATION])),
        ("save_subsidy_answers", own(&[STORE, PROGRAM], &[VALIDATION])),
        (
            "set_subsidy_status",
            own(&[STORE, PROGRAM], &[VALIDATION, screens_validation, ErrorCode::Store(St::ChecklistIncomplete)]),
        ),
        ("breakdown_preview", own(&[STORE, PROGRAM, PAPER], &[ErrorCode::Screens(S::NothingToExport)])),
        ("save_breakdown", own(&[STORE, PROGRAM, PAPER], &[ErrorCode::Screens(S::NothingToExport)])),
        ("print_breakdown", own(&[STORE, PROGRAM, PAPER], &[ErrorCode::Screens(S::NothingToExport)])),
        (
            "build_upload_set",
            own(
                &[STORE, PROGRAM, PAPER],
                &[
                    ErrorCode::Screens(S::NothingToExport),
                    ErrorCode::Forms(F::BadFileName),
                    ErrorCode::Forms(F::DuplicateFileName),
                    ErrorCode::Forms(F::FileExists),
                    ErrorCode::Forms(F::WriteFailed),
                ],
            ),
        ),
        ("program_data_status", own(&[], &[])),
        ("check_program_updates", own(&[STORE], &updates)),
        ("get_update_address", own(&[STORE], &[])),
        ("set_update_address", own(&[STORE], &[VALIDATION, screens_validation])),
    ])
}

/// `save_wizard_answer` → `saveWizardAnswer`, the name the UI calls it by.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn recorded(file: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/testing/recorded").join(file);
    serde_json::from_str(&std::fs::read_to_string(&path).expect("recorded file")).expect("json")
}

#[test]
fn every_command_lists_what_it_can_refuse_with_and_the_ui_gets_that_list() {
    let table = table();
    let mod_rs = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/commands/mod.rs"))
        .expect("commands/mod.rs");
    let commands = command_names_in(&mod_rs);
    let missing: Vec<&String> = commands.iter().filter(|c| !table.contains_key(c.as_str())).collect();
    let extra: Vec<&&str> = table.keys().filter(|k| !commands.iter().any(|c| c == *k)).collect();
    assert!(missing.is_empty() && extra.is_empty(), "not listed: {missing:?}; no such command: {extra:?}");

    // Every refusal Rust recorded for the UI is one its command lists.
    let allowed =
        |command: &str, code: &str| table.iter().any(|(k, v)| camel(k) == command && v.iter().any(|c| *c == code));
    let wizard = recorded("wizard.json");
    for scenario in wizard["scenarios"].as_object().expect("scenarios").values() {
        for call in scenario["calls"].as_array().expect("calls") {
            if let Some(code) = call["result"]["error"]["code"].as_str() {
                let command = call["call"].as_str().expect("call");
                assert!(allowed(command, code), "{command} was recorded refusing with {code}, which it does not list");
            }
        }
    }
    for call in recorded("subsidy.json")["calls"].as_array().expect("calls") {
        if let Some(code) = call["result"]["error"]["code"].as_str() {
            assert!(allowed("setSubsidyStatus", code), "setSubsidyStatus was recorded refusing with {code}");
        }
    }

    let list: BTreeMap<String, Vec<&str>> =
        table.iter().map(|(k, v)| (camel(k), v.iter().map(|c| c.as_str()).collect())).collect();
    let text = serde_json::to_string(&list).expect("json") + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/testing/recorded/errors.json");
    if std::env::var_os("UPDATE_RECORDED").is_some() {
        std::fs::write(&path, &text).expect("write");
    }
    assert!(
        std::fs::read_to_string(&path).unwrap_or_default() == text,
        "{} is stale: run UPDATE_RECORDED=1 cargo test -p onshi-navi --test error_codes",
        path.display()
    );
}
