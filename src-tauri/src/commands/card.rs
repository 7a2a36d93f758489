//! 毎日の資格確認 → the card reader: status, the check without PIN, the 基本4情報 with the PIN the
//! patient typed, and the sample cards of デモ mode. Reads run on a blocking thread, one at a time.

use card::basic4::Basic4View;
use card::jpki::CardCheck;
use card::pin::Pin;
use card::service::{CardStatus, DemoCard};
use tauri::State;
use zeroize::Zeroize;

use crate::clock;
use crate::error::AppError;
use crate::state::AppState;

/// Readers and mode (real or デモ).
#[tauri::command]
#[specta::specta]
pub async fn card_status(state: State<'_, AppState>) -> Result<CardStatus, AppError> {
    state.with_card(|service| Ok(service.status())).await
}

/// Reads the card on the reader without any PIN: is it a My Number card, its certificate's
/// validity today, the PIN tries left.
#[tauri::command]
#[specta::specta]
pub async fn check_card(state: State<'_, AppState>) -> Result<CardCheck, AppError> {
    let today = clock::today();
    state.with_card(move |service| Ok(service.check(None, today)?)).await
}

/// Reads the 基本4情報 with the PIN the patient typed: one VERIFY, never repeated. The PIN is
/// wiped from this process's copy as soon as it is parsed.
#[tauri::command]
#[specta::specta]
pub async fn read_basic4(state: State<'_, AppState>, mut pin: String) -> Result<Basic4View, AppError> {
    let parsed = Pin::parse(&pin);
    pin.zeroize();
    let pin = parsed?;
    state.with_card(move |service| Ok(Basic4View::from(&service.read_basic4(None, pin)?))).await
}

/// デモ mode: places a sample card on the virtual reader.
#[tauri::command]
#[specta::specta]
pub async fn demo_insert_card(state: State<'_, AppState>, sample: DemoCard) -> Result<(), AppError> {
    let today = clock::today();
    state.with_card(move |service| Ok(service.demo_insert(sample, today)?)).await
}

/// デモ mode: takes the sample card off.
#[tauri::command]
#[specta::specta]
pub async fn demo_remove_card(state: State<'_, AppState>) -> Result<(), AppError> {
    state.with_card(|service| Ok(service.demo_remove()?)).await
}
