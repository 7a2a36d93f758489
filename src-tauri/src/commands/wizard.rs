//! 導入ガイド as a wizard: the steps on the clinic's route with their state, what staff entered,
//! the enforcement timeline, this PC's figures and the terminal accounts. The steps, the rules of
//! each answer and the judgements are the `guide` crate's; what the clinic did is the store's.

use chrono::{DateTime, Local, NaiveDate, Utc};
use guide::answers::{blockers, check_answer, step_input};
use guide::{Answers, Practice, Route, StepState, StepStatus, StepView, TimelineView, WizardProgress};
use serde::Serialize;
use specta::Type;
use store::clinic::FieldIssue;
use store::wizard::{Terminal, TerminalInput};
use store::{Store, StoreError};
use tauri::State;

use crate::error::{AppError, AppErrorCode};
use crate::state::AppState;

/// A step in the wizard's list.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WizardStepSummary {
    /// 0–10
    pub number: u8,
    /// Stable id
    pub id: String,
    /// What the step achieves
    pub title: String,
    /// 未着手 / 進行中 / 完了 / 対象外
    pub status: StepStatus,
    /// The status in words
    pub status_label: String,
    /// The day it was finished, in 和暦 with 西暦
    pub done_on_text: Option<String>,
}

/// The wizard at a glance: where the clinic is and where staff left off.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WizardOverview {
    /// The route chosen in step 3, once chosen
    pub route: Option<Route>,
    /// Steps done of those that apply
    pub progress: WizardProgress,
    /// The step to open: where staff left off
    pub resume: Option<String>,
    /// Every step in order
    pub steps: Vec<WizardStepSummary>,
    /// The enforcement timeline with today on it
    pub timeline: TimelineView,
}

/// An answer staff gave.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StepAnswer {
    /// The input's key
    pub key: String,
    /// The answer as stored
    pub value: String,
}

/// One step for its screen: its content on the route, its state and what was entered.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WizardStepDetail {
    /// What to do, what to have ready, the documents, the inputs, on the clinic's route
    pub view: StepView,
    /// 未着手 / 進行中 / 完了 / 対象外
    pub status: StepStatus,
    /// The status in words
    pub status_label: String,
    /// The day it was begun, in 和暦 with 西暦
    pub started_on_text: Option<String>,
    /// The day it was finished
    pub done_on_text: Option<String>,
    /// What staff entered (a 登録記号番号 kept in 設定 stands for one not typed here)
    pub answers: Vec<StepAnswer>,
    /// What keeps the step from 完了 today, beside each field: needed inputs still empty, an
    /// answer that says the clinic is not ready, a date that disagrees with the others or today
    pub missing: Vec<FieldIssue>,
    /// The terminal accounts, for the step that records them
    pub terminals: Vec<Terminal>,
    /// The program the step relates to, with its state today from the dated data
    pub related_program: Option<programs::ProgramStatus>,
}

/// An answer as saved, with advice that does not block (an unusual 登録記号番号).
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedAnswer {
    /// The answer as stored (trimmed, folded); empty when removed
    pub value: String,
    /// Advice about it
    pub warnings: Vec<FieldIssue>,
}

/// This PC measured and judged against the requirements.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PcCheck {
    /// This is a Windows PC (else the check says it is not the clinic's PC)
    pub is_windows: bool,
    /// One verdict per requirement, each with the figure found
    pub verdicts: Vec<guide::PcVerdict>,
}

fn unknown_step(id: &str) -> AppError {
    AppError::new(AppErrorCode::UnknownStep, format!("導入ガイドに「{id}」という手順はありません"))
}

fn refused(field: &str, message: impl Into<String>) -> AppError {
    StoreError::Validation(vec![FieldIssue::new(field, message)]).into()
}

/// What the wizard reads: the answers with the clinic's practices and its 登録記号番号 from 設定,
/// and how many terminal accounts step 7 has.
struct Recorded {
    answers: Answers,
    terminals: Vec<Terminal>,
}

impl Recorded {
    fn rows(&self) -> u32 {
        u32::try_from(self.terminals.len()).unwrap_or(u32::MAX)
    }
}

async fn recorded(store: &Store) -> Result<Recorded, AppError> {
    Ok(Recorded { answers: store.wizard_answers().await?, terminals: store.terminals().await? })
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The route the clinic chose in step 3, for the screens that follow it (毎日の資格確認, the
/// poster).
pub(crate) async fn route(store: &Store) -> Result<Option<Route>, AppError> {
    Ok(recorded(store).await?.answers.route())
}

/// What the clinic reads cards with, for the poster and flyer.
pub(crate) async fn reads_with(store: &Store) -> Result<guide::answers::ReadsWith, AppError> {
    Ok(recorded(store).await?.answers.reads_with())
}

fn day_text(rfc3339: &str) -> Option<String> {
    let at = DateTime::parse_from_rfc3339(rfc3339).ok()?;
    Some(jptext::format_date(at.with_timezone(&Local).date_naive()))
}

/// The store's records as the guide reads them.
fn records(steps: &[store::wizard::StepRecord]) -> Vec<guide::StepRecord> {
    steps
        .iter()
        .map(|s| guide::StepRecord {
            id: s.step.clone(),
            state: match s.state {
                store::wizard::StepState::InProgress => StepState::InProgress,
                store::wizard::StepState::Done => StepState::Done,
            },
            touched_at: DateTime::parse_from_rfc3339(&s.touched_at).ok().map(|t| t.with_timezone(&Utc)),
        })
        .collect()
}

/// The overview from the store: also what ホーム shows of the wizard. A step stored 完了 that has
/// a blocker today counts as 進行中; the timeline's warning ends only with step 10 really 完了.
pub(crate) async fn overview(store: &Store, knowledge: &guide::Knowledge) -> Result<WizardOverview, AppError> {
    let steps = store.wizard_steps().await?;
    let rec = recorded(store).await?;
    let today = today();
    let route = rec.answers.route();
    let stored = records(&steps);
    let start_done = stored.iter().any(|r| r.id == guide::keys::START_DATE.step && r.state == StepState::Done);
    let recs = guide::effective_records(&stored, &rec.answers, rec.rows(), today);
    Ok(WizardOverview {
        route,
        progress: guide::wizard_progress(route, &recs),
        resume: guide::resume_step(route, &recs).map(|s| s.id.to_string()),
        steps: guide::WIZARD
            .iter()
            .map(|s| {
                let status = guide::step_status(s.id, route, &recs);
                WizardStepSummary {
                    number: s.number,
                    id: s.id.to_string(),
                    title: s.title_on(route).to_string(),
                    status,
                    status_label: status.label().to_string(),
                    done_on_text: steps
                        .iter()
                        .find(|r| r.step == s.id)
                        .and_then(|r| r.done_at.as_deref())
                        .and_then(day_text),
                }
            })
            .collect(),
        timeline: guide::position(today, &guide::standing(&rec.answers, start_done, today), knowledge),
    })
}

/// The wizard's list, progress, where to resume and the timeline.
#[tauri::command]
#[specta::specta]
pub async fn wizard_overview(state: State<'_, AppState>) -> Result<WizardOverview, AppError> {
    overview(state.store()?, &state.knowledge().await).await
}

/// One step with its content on the clinic's route, state and answers.
#[tauri::command]
#[specta::specta]
pub async fn wizard_step_detail(state: State<'_, AppState>, id: String) -> Result<WizardStepDetail, AppError> {
    let store = state.store()?;
    let (steps, rec, today) = (store.wizard_steps().await?, recorded(store).await?, today());
    let view = guide::step_view_for(&id, &rec.answers, &state.knowledge().await).ok_or_else(|| unknown_step(&id))?;
    let recs = guide::effective_records(&records(&steps), &rec.answers, rec.rows(), today);
    let status = guide::step_status(&id, rec.answers.route(), &recs);
    let record = steps.iter().find(|r| r.step == id);
    let answers: Vec<StepAnswer> = rec
        .answers
        .of_step(&id)
        .map(|(key, value)| StepAnswer { key: key.to_string(), value: value.to_string() })
        .collect();
    let board = state.catalog().await.board(today);
    Ok(WizardStepDetail {
        missing: issues(blockers(&id, &rec.answers, rec.rows(), today)),
        related_program: view.related_program.and_then(|p| board.find(p)).cloned(),
        status,
        status_label: status.label().to_string(),
        started_on_text: record.and_then(|r| day_text(&r.started_at)),
        done_on_text: record.and_then(|r| r.done_at.as_deref()).and_then(day_text),
        answers,
        terminals: if view.rows.is_some() { rec.terminals } else { Vec::new() },
        view,
    })
}

fn issues(found: Vec<(&'static str, String)>) -> Vec<FieldIssue> {
    found.into_iter().map(|(key, message)| FieldIssue::new(key, message)).collect()
}

/// Saves one answer, checked by its input's kind (a 登録記号番号 as the clinic profile checks it,
/// a date against the other dates and today: a 運用開始日 ahead is kept as a plan, with a note);
/// an empty answer removes it. The step becomes 進行中 if it was 未着手.
#[tauri::command]
#[specta::specta]
pub async fn save_wizard_answer(
    state: State<'_, AppState>,
    step: String,
    key: String,
    value: String,
) -> Result<SavedAnswer, AppError> {
    guide::wizard_step(&step).ok_or_else(|| unknown_step(&step))?;
    let input =
        step_input(&step, &key).ok_or_else(|| refused(&key, format!("この手順に「{key}」という入力はありません")))?;
    let mut checked = check_answer(input, &value).map_err(|message| refused(&key, message))?;
    let mut warnings = Vec::new();
    let store = state.store()?;
    match input.kind {
        guide::wizard::InputKind::RegNo { practice } if !checked.is_empty() => {
            let (typed, advice) = store::clinic::check_reg_no(&checked, &key, practice == Practice::Judo)
                .map_err(StoreError::Validation)?;
            checked = typed;
            warnings = advice;
        }
        guide::wizard::InputKind::Date => {
            let answers = recorded(store).await?.answers;
            let note = guide::dates::check_date_answer(&step, &key, &checked, &answers, today())
                .map_err(|message| refused(&key, message))?;
            warnings.extend(note.map(|n| FieldIssue::new(&key, n)));
        }
        _ => {}
    }
    let actor = store.actor().await?;
    let saved = store.set_wizard_value(&step, &key, &checked, &actor, Utc::now()).await?;
    Ok(SavedAnswer { value: saved.unwrap_or_default(), warnings })
}

/// Sets a step 未着手 / 進行中 / 完了. 完了 is refused, with a message beside each field, while
/// anything blocks it ([`guide::answers::blockers`]).
#[tauri::command]
#[specta::specta]
pub async fn set_wizard_step_state(state: State<'_, AppState>, id: String, to: StepState) -> Result<(), AppError> {
    let store = state.store()?;
    guide::wizard_step(&id).ok_or_else(|| unknown_step(&id))?;
    if to == StepState::Done {
        let rec = recorded(store).await?;
        let found = issues(blockers(&id, &rec.answers, rec.rows(), today()));
        if !found.is_empty() {
            return Err(StoreError::Validation(found).into());
        }
    }
    let stored = match to {
        StepState::NotStarted => None,
        StepState::InProgress => Some(store::wizard::StepState::InProgress),
        StepState::Done => Some(store::wizard::StepState::Done),
    };
    let actor = store.actor().await?;
    Ok(store.set_wizard_step(&id, stored, &actor, Utc::now()).await?)
}

/// Adds (`id` none) or changes a terminal account.
#[tauri::command]
#[specta::specta]
pub async fn save_terminal(
    state: State<'_, AppState>,
    id: Option<i32>,
    input: TerminalInput,
) -> Result<Terminal, AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    let now = Utc::now();
    let saved = store.save_terminal(id, &input, &actor, now).await?;
    // A first terminal begins the step that records them, as a first answer begins its step.
    if let Some(step) = guide::WIZARD.iter().find(|s| s.rows.is_some())
        && !store.wizard_steps().await?.iter().any(|r| r.step == step.id)
    {
        store.set_wizard_step(step.id, Some(store::wizard::StepState::InProgress), &actor, now).await?;
    }
    Ok(saved)
}

/// Removes a terminal account.
#[tauri::command]
#[specta::specta]
pub async fn delete_terminal(state: State<'_, AppState>, id: i32) -> Result<(), AppError> {
    let store = state.store()?;
    let actor = store.actor().await?;
    Ok(store.delete_terminal(id, &actor, Utc::now()).await?)
}

/// Measures this PC and judges it (on Linux it says it is not the clinic's PC, and still reports).
#[tauri::command]
#[specta::specta]
pub async fn pc_check(state: State<'_, AppState>) -> Result<PcCheck, AppError> {
    let figures = tauri::async_runtime::spawn_blocking(pcinfo::measure)
        .await
        .map_err(|e| AppError::new(AppErrorCode::Internal, format!("パソコンの情報を読み取れませんでした: {e}")))?;
    Ok(PcCheck { verdicts: guide::judge(&figures, &state.knowledge().await), is_windows: figures.is_windows })
}

/// Checks that this PC reaches the portal's address (from the guide's dated links), and says
/// what to do when it does not.
#[tauri::command]
#[specta::specta]
pub async fn internet_check(state: State<'_, AppState>) -> Result<netcheck::NetCheck, AppError> {
    let knowledge = state.knowledge().await;
    let portal = knowledge.link(guide::links::PORTAL).map(|l| l.url.to_string()).unwrap_or_default();
    Ok(netcheck::check(&portal).await)
}

/// よくある質問 matching what staff typed (every question when empty), with the call centre.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FaqView {
    /// The questions found, in the guide's order
    pub entries: Vec<guide::faq::Faq>,
    /// How many questions there are in all
    pub total: u32,
    /// Where to call
    pub call_centre: guide::faq::CallCentre,
}

/// Searches よくある質問 as staff type (width and かな folded by the guide's rule).
#[tauri::command]
#[specta::specta]
pub async fn faq(state: State<'_, AppState>, query: String) -> Result<FaqView, AppError> {
    let knowledge = state.knowledge().await;
    Ok(FaqView {
        entries: guide::faq::search(&query, &knowledge).into_iter().cloned().collect(),
        total: knowledge.faq.len() as u32,
        call_centre: knowledge.call_centre.clone(),
    })
}

/// A reader this PC sees, with the model it matched.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReaderFound {
    /// The name PC/SC gives it
    pub name: String,
    /// A card is on it
    pub card_present: bool,
    /// Another program holds it
    pub in_use: bool,
    /// The known model its name matched, if any
    pub model: Option<guide::readers::ReaderModel>,
}

/// 手順6: the readers now, each matched against the known models, and what to buy.
#[derive(Clone, Debug, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReaderCheck {
    /// Real readers or デモ, and the service's state
    pub status: card::service::CardStatus,
    /// The real readers seen (none in デモ mode)
    pub readers: Vec<ReaderFound>,
    /// The models known, for a clinic that has none yet
    pub models: Vec<guide::readers::ReaderModel>,
    /// The official list to check against
    pub official_list: guide::DocLink,
}

/// The readers this PC sees now, matched loosely against the dated list of known models.
#[tauri::command]
#[specta::specta]
pub async fn reader_check(state: State<'_, AppState>) -> Result<ReaderCheck, AppError> {
    let status = state.with_card(|service| Ok(service.status())).await?;
    let knowledge = state.knowledge().await;
    let demo = matches!(status.mode, card::service::Mode::Demo { .. });
    let readers = if demo {
        Vec::new()
    } else {
        status
            .readers
            .iter()
            .map(|r| ReaderFound {
                name: r.name.clone(),
                card_present: r.card_present,
                in_use: r.in_use,
                model: guide::readers::match_reader(&r.name, &knowledge).cloned(),
            })
            .collect()
    };
    Ok(ReaderCheck {
        status,
        readers,
        models: knowledge.readers.models.clone(),
        official_list: knowledge
            .readers
            .official_list
            .link()
            .cloned()
            .ok_or_else(|| AppError::new(AppErrorCode::Internal, "カードリーダーの一覧のページがデータにありません"))?,
    })
}

/// The 導入ガイド as a checklist sheet: each step with its state and the day it was finished.
async fn checklist(state: &AppState) -> Result<forms::Checklist, AppError> {
    let store = state.store()?;
    let overview = overview(store, &state.knowledge().await).await?;
    let profile = store.clinic_profile().await?;
    let registration_number =
        profile.as_ref().map(store::clinic::ClinicProfile::registration_numbers_typed).unwrap_or_default();
    Ok(forms::Checklist {
        clinic_name: profile.map(|p| p.name).unwrap_or_default(),
        registration_number,
        prepared_on: Local::now().date_naive(),
        rows: overview
            .steps
            .iter()
            .map(|s| forms::ChecklistRow {
                number: u32::from(s.number),
                title: s.title.clone(),
                state: s.status_label.clone(),
                date_text: s.done_on_text.clone(),
                note: None,
            })
            .collect(),
    })
}

/// The checklist's pages as SVG, to show before saving.
#[tauri::command]
#[specta::specta]
pub async fn guide_checklist_preview(state: State<'_, AppState>) -> Result<Vec<String>, AppError> {
    Ok(forms::checklist_preview(&checklist(&state).await?))
}

/// Saves the checklist as PDF where staff choose; the path, or `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn save_guide_checklist(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, AppError> {
    let pdf = forms::checklist_pdf(&checklist(&state).await?)?;
    let Some(path) = super::files::pick_save_path(&app, "導入チェックリスト.pdf", "pdf").await? else {
        return Ok(None);
    };
    super::files::write_file(&path, &pdf)?;
    Ok(Some(path.display().to_string()))
}
