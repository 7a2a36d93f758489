//! 導入ガイド as a wizard: the steps on the clinic's route with their state, what staff entered,
//! the enforcement timeline, the terminal accounts, this PC's figures, the readers and よくある
//! 質問. The steps, the rules of each answer and the judgements are the `guide` crate's; what the
//! clinic did is the store's (which checks 完了 and starts a step under its write lock).

use chrono::{DateTime, Local, NaiveDate, Utc};
use guide::answers::{ReadsWith, blockers, check_answer, step_input};
use guide::wizard::InputKind;
use guide::{Practice, Route, StepState, StepStatus, StepView, TimelineView, WizardProgress};
use jptext::FieldIssue;
use serde::Serialize;
use specta::Type;
use store::wizard::{Terminal, TerminalInput};
use store::{Store, StoreError};

use crate::Error;

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

fn refused(field: &str, message: impl Into<String>) -> Error {
    Error::Validation(vec![FieldIssue::new(field, message)])
}

fn known_step(id: &str) -> Result<&'static guide::WizardStep, Error> {
    guide::wizard_step(id).ok_or_else(|| Error::UnknownStep(id.to_string()))
}

/// The day of a stored time, in 和暦 with 西暦 (a time that does not read is corrupt data, not
/// "not done").
fn day_text(stored: &str) -> Result<String, Error> {
    let at = store::parse_timestamp(stored)?;
    Ok(jptext::format_date(at.with_timezone(&Local).date_naive()))
}

/// The store's records as the guide reads them.
fn records(steps: &[store::wizard::StepRecord]) -> Result<Vec<guide::StepRecord>, Error> {
    steps
        .iter()
        .map(|s| {
            Ok(guide::StepRecord {
                id: s.step.clone(),
                state: match s.state {
                    store::wizard::StepState::InProgress => StepState::InProgress,
                    store::wizard::StepState::Done => StepState::Done,
                },
                touched_at: Some(store::parse_timestamp(&s.touched_at)?),
            })
        })
        .collect()
}

/// The route the clinic chose in step 3, for the screens that follow it (毎日の資格確認, the
/// poster).
pub async fn route(store: &Store) -> Result<Option<Route>, Error> {
    Ok(store.wizard_answers().await?.route())
}

/// What the clinic reads cards with, for the poster and flyer.
pub async fn reads_with(store: &Store) -> Result<ReadsWith, Error> {
    Ok(store.wizard_answers().await?.reads_with())
}

/// The wizard's list, progress, where to resume and the timeline: also what ホーム shows of it.
/// A step stored 完了 that has a blocker today counts as 進行中; the timeline's warning ends only
/// with step 10 really 完了.
pub async fn overview(store: &Store, knowledge: &guide::Knowledge, today: NaiveDate) -> Result<WizardOverview, Error> {
    let steps = store.wizard_steps().await?;
    let answers = store.wizard_answers().await?;
    let rows = rows(&store.terminals().await?);
    let route = answers.route();
    let stored = records(&steps)?;
    let start_done = stored.iter().any(|r| r.id == guide::keys::START_DATE.step && r.state == StepState::Done);
    let recs = guide::effective_records(&stored, &answers, rows, today);
    let mut summaries = Vec::with_capacity(guide::WIZARD.len());
    for s in &guide::WIZARD {
        let status = guide::step_status(s.id, route, &recs);
        let done_at = steps.iter().find(|r| r.step == s.id).and_then(|r| r.done_at.as_deref());
        summaries.push(WizardStepSummary {
            number: s.number,
            id: s.id.to_string(),
            title: s.title_on(route).to_string(),
            status,
            status_label: status.label().to_string(),
            done_on_text: done_at.map(day_text).transpose()?,
        });
    }
    Ok(WizardOverview {
        route,
        progress: guide::wizard_progress(route, &recs),
        resume: guide::resume_step(route, &recs).map(|s| s.id.to_string()),
        steps: summaries,
        timeline: guide::position(today, &guide::standing(&answers, start_done, today), knowledge),
    })
}

fn rows(terminals: &[Terminal]) -> u32 {
    u32::try_from(terminals.len()).unwrap_or(u32::MAX)
}

fn issues(found: Vec<(&'static str, String)>) -> Vec<FieldIssue> {
    found.into_iter().map(|(key, message)| FieldIssue::new(key, message)).collect()
}

/// One step with its content on the clinic's route, its state, its answers and what keeps it
/// from 完了 today; `board` gives the state today of the program it relates to.
pub async fn step_detail(
    store: &Store,
    knowledge: &guide::Knowledge,
    board: &programs::ProgramBoard,
    id: &str,
    today: NaiveDate,
) -> Result<WizardStepDetail, Error> {
    let (steps, answers, terminals) =
        (store.wizard_steps().await?, store.wizard_answers().await?, store.terminals().await?);
    let view = guide::step_view_for(id, &answers, knowledge).ok_or_else(|| Error::UnknownStep(id.to_string()))?;
    let recs = guide::effective_records(&records(&steps)?, &answers, rows(&terminals), today);
    let status = guide::step_status(id, answers.route(), &recs);
    let record = steps.iter().find(|r| r.step == id);
    Ok(WizardStepDetail {
        missing: issues(blockers(id, &answers, rows(&terminals), today)),
        related_program: view.related_program.and_then(|p| board.find(p)).cloned(),
        status,
        status_label: status.label().to_string(),
        started_on_text: record.map(|r| day_text(&r.started_at)).transpose()?,
        done_on_text: record.and_then(|r| r.done_at.as_deref()).map(day_text).transpose()?,
        answers: answers
            .of_step(id)
            .map(|(key, value)| StepAnswer { key: key.to_string(), value: value.to_string() })
            .collect(),
        terminals: if view.rows.is_some() { terminals } else { Vec::new() },
        view,
    })
}

/// Saves one answer, checked by its input's kind (a 登録記号番号 as the clinic profile checks it,
/// a date against the other dates and today: a 運用開始日 ahead is kept as a plan, with a note);
/// an empty answer removes it. The step becomes 進行中 if it was 未着手.
pub async fn save_answer(
    store: &Store,
    step: &str,
    key: &str,
    value: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<SavedAnswer, Error> {
    known_step(step)?;
    let input =
        step_input(step, key).ok_or_else(|| refused(key, format!("この手順に「{key}」という入力はありません")))?;
    let mut checked = check_answer(input, value).map_err(|message| refused(key, message))?;
    let mut warnings = Vec::new();
    match input.kind {
        InputKind::RegNo { practice } if !checked.is_empty() => {
            let (typed, advice) = store::clinic::check_reg_no(&checked, key, practice == Practice::Judo)
                .map_err(StoreError::Validation)?;
            checked = typed;
            warnings = advice;
        }
        InputKind::Date => {
            let answers = store.wizard_answers().await?;
            let note = guide::dates::check_date_answer(step, key, &checked, &answers, today)
                .map_err(|message| refused(key, message))?;
            warnings.extend(note.map(|n| FieldIssue::new(key, n)));
        }
        _ => {}
    }
    let actor = store.actor().await?;
    let saved = store.set_wizard_value(step, key, &checked, &actor, now).await?;
    Ok(SavedAnswer { value: saved.unwrap_or_default(), warnings })
}

/// Sets a step 未着手 / 進行中 / 完了. 完了 is refused, with a message beside each field, while
/// anything blocks it today ([`guide::answers::blockers`], checked by the store under the same
/// write lock as the write, so nothing saved meanwhile slips past).
pub async fn set_step_state(
    store: &Store,
    id: &str,
    to: StepState,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<(), Error> {
    known_step(id)?;
    let stored = match to {
        StepState::NotStarted => None,
        StepState::InProgress => Some(store::wizard::StepState::InProgress),
        StepState::Done => Some(store::wizard::StepState::Done),
    };
    let actor = store.actor().await?;
    Ok(store.set_wizard_step(id, stored, &actor, now, today).await?)
}

/// Adds (`id` none) or changes a terminal account; the first one begins the step that records
/// them (in the store's same transaction).
pub async fn save_terminal(
    store: &Store,
    id: Option<i32>,
    input: &TerminalInput,
    now: DateTime<Utc>,
) -> Result<Terminal, Error> {
    let actor = store.actor().await?;
    Ok(store.save_terminal(id, input, &actor, now).await?)
}

/// Removes a terminal account.
pub async fn delete_terminal(store: &Store, id: i32, now: DateTime<Utc>) -> Result<(), Error> {
    let actor = store.actor().await?;
    Ok(store.delete_terminal(id, &actor, now).await?)
}

/// The 導入ガイド as a checklist sheet: each step with its state, the day it was finished, and for
/// a step not finished what is left (the same blockers that keep it from 完了 on screen).
pub async fn checklist(
    store: &Store,
    knowledge: &guide::Knowledge,
    today: NaiveDate,
) -> Result<forms::Checklist, Error> {
    let overview = overview(store, knowledge, today).await?;
    let (answers, terminals) = (store.wizard_answers().await?, rows(&store.terminals().await?));
    let left = |s: &WizardStepSummary| -> Option<String> {
        if matches!(s.status, guide::StepStatus::Done | guide::StepStatus::NotApplicable) {
            return None;
        }
        let found = blockers(&s.id, &answers, terminals, today);
        let first = found.first()?.1.clone();
        Some(match found.len() {
            1 => first,
            n => format!("{first} ほか{}件", n - 1),
        })
    };
    let profile = store.clinic_profile().await?;
    let registration_number =
        profile.as_ref().map(store::clinic::ClinicProfile::registration_numbers_typed).unwrap_or_default();
    Ok(forms::Checklist {
        clinic_name: profile.map(|p| p.name).unwrap_or_default(),
        registration_number,
        prepared_on: today,
        rows: overview
            .steps
            .into_iter()
            .map(|s| forms::ChecklistRow {
                note: left(&s),
                number: u32::from(s.number),
                title: s.title,
                state: s.status_label,
                date_text: s.done_on_text,
            })
            .collect(),
    })
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

/// This PC's figures judged against the requirements in the data in use.
pub fn pc_check(figures: &guide::PcFigures, knowledge: &guide::Knowledge) -> PcCheck {
    PcCheck { verdicts: guide::judge(figures, knowledge), is_windows: figures.is_windows }
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
pub fn faq(query: &str, knowledge: &guide::Knowledge) -> FaqView {
    FaqView {
        entries: guide::faq::search(query, knowledge).into_iter().cloned().collect(),
        total: u32::try_from(knowledge.faq.len()).unwrap_or(u32::MAX),
        call_centre: knowledge.call_centre.clone(),
    }
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

/// The readers of `status` matched loosely against the dated list of known models.
pub fn reader_check(status: card::service::CardStatus, knowledge: &guide::Knowledge) -> Result<ReaderCheck, Error> {
    let official_list = knowledge
        .readers
        .official_list
        .link()
        .cloned()
        .ok_or_else(|| Error::DataIncomplete("カードリーダーの一覧のページ".into()))?;
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
                model: guide::readers::match_reader(&r.name, knowledge).cloned(),
            })
            .collect()
    };
    Ok(ReaderCheck { status, readers, models: knowledge.readers.models.clone(), official_list })
}
