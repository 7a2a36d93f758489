//! What applies on a route, a step's state and status, the progress, where to resume, and a
//! step as shown on the clinic's route: pure functions of the stored states and answers.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::knowledge::Knowledge;
use crate::source::FactSource;

use super::data::WIZARD;
use super::model::*;

impl WizardStep {
    /// The title staff read on `route` (the general one before the route is chosen).
    pub fn title_on(&self, route: Option<Route>) -> &'static str {
        match (route, self.mobile_title) {
            (Some(Route::Mobile), Some(title)) => title,
            _ => self.title,
        }
    }
}

/// Looks a wizard step up by its stored id.
pub fn wizard_step(id: &str) -> Option<&'static WizardStep> {
    WIZARD.iter().find(|s| s.id == id)
}

/// Whether a step applies on a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum Applicability {
    /// The step is part of this clinic's set-up
    Applies,
    /// 対象外 on this route
    NotApplicable {
        /// Why, in Japanese
        reason: &'static str,
    },
}

impl Applicability {
    /// True for [`Applicability::Applies`].
    pub fn is_applicable(self) -> bool {
        matches!(self, Applicability::Applies)
    }
}

/// Whether the step `step_id` applies on `route`. Before the route is chosen (step 3) every step
/// applies: nothing can be ruled out yet. An id the wizard does not have is 対象外 with a reason
/// saying so (an old stored id, a typo), so it never counts.
pub fn applies(step_id: &str, route: Option<Route>) -> Applicability {
    let Some(step) = wizard_step(step_id) else {
        return Applicability::NotApplicable { reason: "導入ガイドにない手順です。" };
    };
    match route.and_then(|r| step.skip.iter().find(|s| s.route == r)) {
        Some(skip) => Applicability::NotApplicable { reason: skip.reason },
        None => Applicability::Applies,
    }
}

/// Where staff are with one step. Stored with the step id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    /// Nothing recorded yet
    NotStarted,
    /// Something recorded, not everything (waiting for the 審査, a reader on order, …)
    InProgress,
    /// Done
    Done,
}

impl StepState {
    /// 未着手 / 進行中 / 完了.
    pub fn label(self) -> &'static str {
        match self {
            StepState::NotStarted => "未着手",
            StepState::InProgress => "進行中",
            StepState::Done => "完了",
        }
    }
}

/// What the screen shows for a step: its state, or 対象外 on the clinic's route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// 未着手
    NotStarted,
    /// 進行中
    InProgress,
    /// 完了
    Done,
    /// 対象外: the step does not apply on the route (whatever was stored for it)
    NotApplicable,
}

impl StepStatus {
    /// The status for a stored state and the step's applicability.
    pub fn of(state: StepState, applicability: Applicability) -> StepStatus {
        match (applicability, state) {
            (Applicability::NotApplicable { .. }, _) => StepStatus::NotApplicable,
            (Applicability::Applies, StepState::NotStarted) => StepStatus::NotStarted,
            (Applicability::Applies, StepState::InProgress) => StepStatus::InProgress,
            (Applicability::Applies, StepState::Done) => StepStatus::Done,
        }
    }

    /// 未着手 / 進行中 / 完了 / 対象外.
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::NotStarted => StepState::NotStarted.label(),
            StepStatus::InProgress => StepState::InProgress.label(),
            StepStatus::Done => StepState::Done.label(),
            StepStatus::NotApplicable => "対象外",
        }
    }
}

/// A step's stored state and when staff last changed anything in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StepRecord {
    /// The step id (ids the wizard does not know are ignored)
    pub id: String,
    /// Its state
    pub state: StepState,
    /// When staff last changed the step; `None` when not known (progress from the first guide)
    pub touched_at: Option<DateTime<Utc>>,
}

/// How far the clinic has come, counting only the steps that apply on its route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WizardProgress {
    /// Applicable steps done
    pub done: u32,
    /// Steps that apply on the route (all 11 before the route is chosen)
    pub applicable: u32,
    /// The first applicable step not done, in order; `None` when all are done
    pub current_step: Option<&'static str>,
}

/// The record of `id`; when there are several, the one touched last (the later one on a tie).
fn record_for<'a>(records: &'a [StepRecord], id: &str) -> Option<&'a StepRecord> {
    records.iter().enumerate().filter(|(_, r)| r.id == id).max_by_key(|(i, r)| (r.touched_at, *i)).map(|(_, r)| r)
}

fn state_of(records: &[StepRecord], id: &str) -> StepState {
    record_for(records, id).map_or(StepState::NotStarted, |r| r.state)
}

fn applicable_steps(route: Option<Route>) -> impl Iterator<Item = &'static WizardStep> {
    WIZARD.iter().filter(move |s| applies(s.id, route).is_applicable())
}

/// The status the screen shows for step `id`.
pub fn step_status(id: &str, route: Option<Route>, records: &[StepRecord]) -> StepStatus {
    StepStatus::of(state_of(records, id), applies(id, route))
}

/// Progress on `route`: steps that do not apply are neither done nor counted (a phone clinic's
/// stored PC check does not count), and unknown ids are ignored.
pub fn wizard_progress(route: Option<Route>, records: &[StepRecord]) -> WizardProgress {
    let mut done = 0;
    let mut applicable = 0;
    let mut current_step = None;
    for step in applicable_steps(route) {
        applicable += 1;
        if state_of(records, step.id) == StepState::Done {
            done += 1;
        } else if current_step.is_none() {
            current_step = Some(step.id);
        }
    }
    WizardProgress { done, applicable, current_step }
}

/// The step to open when staff come back: where they left off.
///
/// The rule: take the applicable step staff touched last. If it is not done, they left off there
/// (a step waiting for the 審査, a reader on order). If it is done, they left off just after it:
/// the next applicable step not done after it, or, when every later one is done, the first one not
/// done from the start (a step skipped earlier). With nothing touched (a new clinic, or progress
/// from the first guide without times) it is the first applicable step not done. `None` when every
/// applicable step is done.
///
/// "Last touched" rather than always "first not done" because steps 3–6 can go on while step 2
/// waits for the 審査: sending staff back to step 2 each time would hide the work they were doing.
pub fn resume_step(route: Option<Route>, records: &[StepRecord]) -> Option<&'static WizardStep> {
    let steps: Vec<&'static WizardStep> = applicable_steps(route).collect();
    let not_done = |s: &&&'static WizardStep| state_of(records, s.id) != StepState::Done;
    let first_not_done = || steps.iter().find(not_done).copied();
    let last_touched = steps
        .iter()
        .enumerate()
        .filter_map(|(pos, s)| record_for(records, s.id).and_then(|r| r.touched_at).map(|at| (at, pos)))
        .max_by_key(|&(at, pos)| (at, pos));
    match last_touched {
        None => first_not_done(),
        Some((_, pos)) if not_done(&&steps[pos]) => Some(steps[pos]),
        Some((_, pos)) => steps[pos + 1..].iter().find(not_done).copied().or_else(first_not_done),
    }
}

/// The records as the screens count them: a step stored 完了 that has a blocker today (an answer
/// that says the clinic is not ready, a date that disagrees, a needed answer removed since) is
/// 進行中, so neither the progress nor ホーム ever calls it finished. `rows` is how many rows the
/// step with a table has (the terminal accounts).
pub fn effective_records(
    records: &[StepRecord],
    answers: &crate::answers::Answers,
    rows: u32,
    today: chrono::NaiveDate,
) -> Vec<StepRecord> {
    records
        .iter()
        .map(|r| {
            let blocked = r.state == StepState::Done
                && applies(&r.id, answers.route()).is_applicable()
                && !crate::answers::blockers(&r.id, answers, rows, today).is_empty();
            StepRecord { state: if blocked { StepState::InProgress } else { r.state }, ..r.clone() }
        })
        .collect()
}

/// Step `id` as this clinic sees it: on its route, and with only the 登録記号番号 of its
/// practices ([`crate::answers::Answers::asks`]).
pub fn step_view_for(id: &str, answers: &crate::answers::Answers, knowledge: &Knowledge) -> Option<StepView> {
    let mut view = step_view(id, answers.route(), knowledge)?;
    view.inputs.retain(|i| answers.asks(i));
    Some(view)
}

/// A step with only the content for the clinic's route, and whether it applies; its documents
/// are the pages of the dated links in use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    /// 0–10
    pub number: u8,
    /// Stable id
    pub id: &'static str,
    /// What the step achieves
    pub title: &'static str,
    /// Whether it applies on the route, and why not
    pub applicability: Applicability,
    /// What to do
    pub what_to_do: Vec<RouteText>,
    /// What to have ready
    pub have_ready: Vec<RouteText>,
    /// Facts with their sources
    pub notes: Vec<StepNote>,
    /// Official documents
    pub documents: Vec<StepDoc>,
    /// What the step records
    pub inputs: Vec<StepInput>,
    /// A table the step records, if any
    pub rows: Option<RowGroup>,
    /// Parts of オン資ナビ that help
    pub helpers: Vec<StepHelper>,
    /// The related program's id
    pub related_program: Option<&'static str>,
    /// Where the step comes from
    pub source: FactSource,
}

/// Step `id` as the clinic on `route` sees it: items for the other route left out. Before the
/// route is chosen, every item is kept (each carries its `only`, so the screen can label it).
pub fn step_view(id: &str, route: Option<Route>, knowledge: &Knowledge) -> Option<StepView> {
    let step = wizard_step(id)?;
    let shown = |only: Option<Route>| match (route, only) {
        (Some(r), Some(o)) => r == o,
        _ => true,
    };
    Some(StepView {
        number: step.number,
        id: step.id,
        title: step.title_on(route),
        applicability: applies(id, route),
        what_to_do: step.what_to_do.iter().filter(|t| shown(t.only)).copied().collect(),
        have_ready: step.have_ready.iter().filter(|t| shown(t.only)).copied().collect(),
        notes: step.notes.iter().filter(|n| shown(n.only)).cloned().collect(),
        documents: step
            .documents
            .iter()
            .filter(|d| shown(d.only))
            .filter_map(|d| knowledge.link(d.link).map(|link| StepDoc { link: link.clone(), only: d.only }))
            .collect(),
        inputs: step.inputs.iter().filter(|i| shown(i.only)).copied().collect(),
        rows: step.rows,
        helpers: step.helpers.iter().filter(|h| shown(h.only)).copied().collect(),
        related_program: step.related_program,
        source: step.source.clone(),
    })
}

/// The title of step `id` for the audit log: a wizard step's, or for an id the first guide used
/// and older rows still name (業務スタート, now part of 運用開始日), its title then.
pub fn title_for_log(id: &str) -> Option<&'static str> {
    match id {
        "go_live" => Some("マイナ資格確認アプリで業務を始める(いまは「運用開始日」の手順の一部)"),
        _ => wizard_step(id).map(|s| s.title),
    }
}
