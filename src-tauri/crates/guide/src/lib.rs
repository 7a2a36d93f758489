//! The guide clinics follow today (`shared/seed/online-eligibility-guide.ja.txt`), as the
//! 導入ガイド wizard's domain core: pure data and pure functions. Step ids are stored in the
//! database as progress, so they never change once released; titles and texts may.
//! - [`wizard`]: steps 0–10 with what to do, what to have ready, sourced facts, official documents,
//!   the inputs each records, which apply on a [`Route`], progress and the step to resume;
//! - [`timeline`]: the enforcement timeline (集団指導, 警告, 受領委任の停止) and today's position;
//! - [`pc`]: the PC requirements and the judgement of a PC's measured figures;
//! - [`knowledge`]: what is dated and can change (timeline, call centre, よくある質問, readers,
//!   official links, check methods), bundled as data and replaceable by the signed update;
//! - [`source`]: where every fact comes from ([`FactSource`]) and the official pages ([`DocLink`]).
//!
//! Invariant: a step's text never states a program rule (助成金, 協力金, amounts): programs open,
//! close and change, and a sentence here would keep promising a closed one. A step instead names
//! the program it relates to ([`WizardStep::related_program`]); the screen shows that program's state
//! from the dated program data. This crate does not depend on `programs`: the ids are checked
//! against the program data in `programs`' tests.

// Domain code has no business with raw pointers: the workspace only denies unsafe code (the
// host's Windows message box allows it once); here it stays forbidden.
#![forbid(unsafe_code)]

pub mod answers;
pub mod dates;
pub mod faq;
pub mod knowledge;
pub mod methods;
pub mod pc;
pub mod readers;
pub mod source;
pub mod timeline;
pub mod wizard;

pub use answers::{Answers, Key, keys};
pub use knowledge::{BUNDLED, Knowledge, KnowledgeError};
pub use methods::{CheckMethod, MethodAvailability};
pub use pc::{PcFigures, PcOutcome, PcRequirements, PcRule, PcRuleId, PcVerdict, judge};
pub use source::{DocLink, FactSource, NOTES_AS_OF, links};
pub use timeline::{
    Milestone, MilestoneStatus, MilestoneView, Stage, Standing, TimelineStatus, TimelineView, TodoItem, position,
    standing,
};
pub use wizard::{
    Applicability, Practice, Route, StepRecord, StepState, StepStatus, StepView, WIZARD, WizardProgress, WizardStep,
    applies, effective_records, resume_step, step_status, step_view, step_view_for, title_for_log, wizard_progress,
    wizard_step,
};
